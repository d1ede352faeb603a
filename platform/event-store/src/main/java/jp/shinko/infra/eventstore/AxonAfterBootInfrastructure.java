package jp.shinko.infra.eventstore;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Puts Axon's JDBC, transaction and metrics auto-configuration after Boot 4's data source,
 * transaction manager and meter registry.
 *
 * <p>Axon 4.13 orders itself after Boot 3 class names that Boot 4 moved. Without this anchor
 * Axon runs first and quietly falls back: no event store ("Default configuration requires the
 * use of event sourcing"), a {@code NoTransactionManager}, and a meter registry of its own.
 * The class is empty on purpose; only its ordering matters. A test asserts the outcome.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple."
                    + "SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus."
                    + "PrometheusMetricsExportAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration"
        })
public class AxonAfterBootInfrastructure {
}
