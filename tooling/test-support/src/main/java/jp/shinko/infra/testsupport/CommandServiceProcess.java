package jp.shinko.infra.testsupport;

import java.net.URI;
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
        return ServiceProcesses.start("command-service", JAR_PROPERTY, port,
                List.of("--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers()));
    }
}
