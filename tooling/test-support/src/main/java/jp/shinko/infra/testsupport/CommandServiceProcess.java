package jp.shinko.infra.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.infra.embedded.FreePorts;
import jp.shinko.infra.embedded.ServiceProcess;

/**
 * The command service running beside a test as its own process, from its runnable jar, on this
 * test JVM's PostgreSQL, Kafka broker and identity provider: so a query-side test can enter
 * data through the real command API, as the cities do. One per test JVM, stopped at its end.
 *
 * <p>The jar is named by the system property {@value #JAR_PROPERTY} (the module's build sets
 * it); its output goes to {@code target/command-service-process.log}.
 */
public final class CommandServiceProcess {

    /** The system property naming the command service's runnable jar. */
    public static final String JAR_PROPERTY = "shinko.test.command-service-jar";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private CommandServiceProcess() {
    }

    private static ServiceProcess service;

    /** The running command service's base URL, starting it on first use. */
    public static synchronized URI baseUrl() {
        if (service == null) {
            service = start(FreePorts.any());
            Runtime.getRuntime().addShutdownHook(new Thread(CommandServiceProcess::stop));
        }
        return service.baseUrl();
    }

    /** Kills the service at once (SIGKILL), as a crash would; {@link #restart()} starts it again. */
    public static synchronized void crash() throws InterruptedException {
        baseUrl();
        service.kill();
    }

    /** Starts the service again on the port it had; returns when it is healthy again. */
    public static synchronized void restart() {
        service = start(service.baseUrl().getPort());
    }

    private static synchronized void stop() {
        try {
            service.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ServiceProcess start(int port) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers()));
        TestInfrastructure.identityProvider().resourceServerProperties()
                .forEach((name, value) -> arguments.add("--" + name + "=" + value));
        try {
            ServiceProcess started = ServiceProcess.start("command-service",
                    Path.of(System.getProperty(JAR_PROPERTY, "command-service-exec.jar")), port,
                    List.of("-Xmx384m", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8"), arguments,
                    Path.of("target", "command-service-process.log"));
            started.awaitHealthy(START_TIMEOUT);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the command service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
