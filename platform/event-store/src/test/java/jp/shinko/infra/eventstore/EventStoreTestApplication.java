package jp.shinko.infra.eventstore;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Nothing but auto-configuration: Axon with this module's event store on real PostgreSQL. */
@SpringBootApplication
class EventStoreTestApplication {
}
