package jp.shinko.infra.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import jp.shinko.infra.embedded.DatabaseRoles;
import jp.shinko.infra.embedded.EmbeddedPostgresServer;
import jp.shinko.infra.embedded.FreePorts;
import jp.shinko.infra.embedded.KraftBroker;
import jp.shinko.infra.embedded.LocalIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL, one real Kafka broker and one identity provider per test JVM, started on
 * first use and shared by every test in it; tests keep apart by their data (distinct
 * municipality codes).
 *
 * <p>Where a Docker engine answers, both run as containers of pinned images; where none does,
 * as an embedded PostgreSQL process and an in-JVM KRaft broker. The system property
 * {@value #MODE_PROPERTY} ({@code auto}, {@code containers} or {@code embedded}) overrides the
 * choice. Embedded servers are stopped by Spring Boot's shutdown handlers, after every
 * application context has closed, so no application loses its database while it shuts down;
 * this assumes, as in every module here, that the test JVM runs a Spring Boot application.
 */
public final class TestInfrastructure {

    /** Chooses containers or embedded servers; default {@code auto}. */
    public static final String MODE_PROPERTY = "shinko.test.infrastructure";

    /** The database the tests use. */
    public static final String DATABASE = "shinko";

    static final String POSTGRES_IMAGE = "postgres:17.6";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);

    /** Connection settings of the test database, as one role. */
    public record Postgres(String jdbcUrl, String username, String password) {

        /** A new connection as this role; the caller closes it. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, username, password);
        }
    }

    private TestInfrastructure() {
    }

    /**
     * The shared test database as its superuser, started on first use: for what a test does
     * below the services (an attacker's tampering, a broken row), never what a service does.
     */
    public static Postgres postgres() {
        return Holder.POSTGRES;
    }

    /** The shared test database as the command service's role ({@link DatabaseRoles#COMMAND}). */
    public static Postgres commandService() {
        return as(DatabaseRoles.COMMAND);
    }

    /** The shared test database as the query service's role ({@link DatabaseRoles#QUERY}). */
    public static Postgres queryService() {
        return as(DatabaseRoles.QUERY);
    }

    /** The shared test database as the role of the service named (its {@code spring.application.name}). */
    public static Postgres forService(String applicationName) {
        return switch (applicationName) {
            case "command-service" -> commandService();
            case "query-service" -> queryService();
            default -> postgres();
        };
    }

    private static Postgres as(String role) {
        DatabaseRoles.Login login = DatabaseRoles.login(Holder.POSTGRES.jdbcUrl(), role);
        return new Postgres(login.jdbcUrl(), login.username(), login.password());
    }

    /** The shared broker's bootstrap servers, started on first use. */
    public static String kafkaBootstrapServers() {
        return Holder.KAFKA;
    }

    /** The identity provider whose tokens the services under test trust, started on first use. */
    public static LocalIdentityProvider identityProvider() {
        return IdentityHolder.PROVIDER;
    }

    static boolean useContainers() {
        String mode = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "containers" -> true;
            case "embedded" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be auto, containers or embedded, not " + mode);
        };
    }

    /** Lazy, thread-safe, once per JVM; the same in both modes, since it runs in the JVM anyway. */
    private static final class IdentityHolder {

        private static final LocalIdentityProvider PROVIDER = start();

        private static LocalIdentityProvider start() {
            try {
                LocalIdentityProvider provider = LocalIdentityProvider.startEphemeral();
                SpringApplication.getShutdownHandlers().add(provider::close);
                LOG.info("Test identity provider: {}", provider.issuer());
                return provider;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test identity provider", e);
            }
        }
    }

    /** Lazy, thread-safe, once per JVM. */
    private static final class Holder {

        private static final boolean CONTAINERS = useContainers();
        private static final Postgres POSTGRES = withRoles(CONTAINERS ? startPostgresContainer()
                : startEmbeddedPostgres());
        private static final String KAFKA = CONTAINERS ? startKafkaContainer() : startEmbeddedKafka();

        /** The services' roles, as in production: neither may do what the other's role is for. */
        private static Postgres withRoles(Postgres superuser) {
            DatabaseRoles.ensure(superuser.jdbcUrl(), superuser.username(), superuser.password());
            return superuser;
        }

        private static Postgres startPostgresContainer() {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName(DATABASE);
            container.start();
            LOG.info("Test PostgreSQL: container {} at {}", POSTGRES_IMAGE, container.getJdbcUrl());
            return new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }

        private static String startKafkaContainer() {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            container.start();
            LOG.info("Test Kafka: container {} at {}", KAFKA_IMAGE, container.getBootstrapServers());
            return container.getBootstrapServers();
        }

        private static Postgres startEmbeddedPostgres() {
            try {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
                server.createDatabaseIfMissing(DATABASE);
                SpringApplication.getShutdownHandlers().add(server::close);
                LOG.info("Test PostgreSQL: embedded on port {}", server.port());
                return new Postgres(server.jdbcUrl(DATABASE), EmbeddedPostgresServer.SUPERUSER, "");
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }

        private static String startEmbeddedKafka() {
            try {
                Path logDirectory = Files.createTempDirectory("shinko-test-kafka");
                KraftBroker broker = KraftBroker.start(logDirectory, FreePorts.any(), FreePorts.any());
                SpringApplication.getShutdownHandlers().add(() -> {
                    broker.close();
                    FileSystemUtils.deleteRecursively(logDirectory.toFile());
                });
                LOG.info("Test Kafka: embedded KRaft broker at {}", broker.bootstrapServers());
                return broker.bootstrapServers();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded Kafka", e);
            }
        }
    }
}
