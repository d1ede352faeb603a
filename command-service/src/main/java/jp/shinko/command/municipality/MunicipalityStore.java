package jp.shinko.command.municipality;

import jp.shinko.command.messaging.AggregateRepositories;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Municipalities, kept in memory and up to date; their streams are short, so never snapshotted. */
@Configuration(proxyBeanMethods = false)
class MunicipalityStore {

    @Bean
    Repository<Municipality> municipalityRepository(AggregateRepositories repositories) {
        return repositories.of(Municipality.class);
    }
}
