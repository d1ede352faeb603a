package jp.shinko.command.jointproject;

import jp.shinko.command.messaging.AggregateRepositories;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repository of joint projects: a project's history is short, so it is never snapshotted. */
@Configuration(proxyBeanMethods = false)
class JointProjectStore {

    @Bean
    Repository<JointProject> jointProjectRepository(AggregateRepositories repositories) {
        return repositories.of(JointProject.class);
    }
}
