package jp.shinko.infra.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Points a Spring test context at the JVM's shared PostgreSQL, Kafka and identity provider from
 * {@link TestInfrastructure}: {@code @ContextConfiguration(initializers = RealInfrastructure.class)}.
 * The command and query services connect with their own roles, as in production; any other
 * application as the superuser.
 *
 * <p>A broker is started only for applications that use Spring for Apache Kafka. The services
 * trust the test identity provider's tokens ({@link TestTokens}) unless a test names an issuer
 * of its own.
 */
public final class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String KAFKA_TEMPLATE = "org.springframework.kafka.core.KafkaTemplate";
    private static final String RESOURCE_SERVER_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.forService(
                context.getEnvironment().getProperty("spring.application.name", ""));
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", postgres.jdbcUrl(),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password()));
        if (ClassUtils.isPresent(KAFKA_TEMPLATE, context.getClassLoader())) {
            properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
        }
        if (context.getEnvironment().getProperty(RESOURCE_SERVER_ISSUER) == null) {
            properties.putAll(TestInfrastructure.identityProvider().resourceServerProperties());
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("shinko-test-infrastructure", properties));
    }
}
