package jp.shinko.command.consultation;

import jp.shinko.command.messaging.AggregateRepositories;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repository of consultation cases: a case's history is short, so it is never snapshotted. */
@Configuration(proxyBeanMethods = false)
class ConsultationStore {

    @Bean
    Repository<Consultation> consultationRepository(AggregateRepositories repositories) {
        return repositories.of(Consultation.class);
    }
}
