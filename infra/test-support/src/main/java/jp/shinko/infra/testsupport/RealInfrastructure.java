package jp.shinko.infra.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Points a Spring test context at the JVM's shared PostgreSQL and Kafka from
 * {@link TestInfrastructure}: {@code @ContextConfiguration(initializers = RealInfrastructure.class)}.
 *
 * <p>A broker is started only for applications that use Spring for Apache Kafka.
 */
public final class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String KAFKA_TEMPLATE = "org.springframework.kafka.core.KafkaTemplate";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", postgres.jdbcUrl(),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password()));
        if (ClassUtils.isPresent(KAFKA_TEMPLATE, context.getClassLoader())) {
            properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("shinko-test-infrastructure", properties));
    }
}
