package jp.shinko.infra.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jp.shinko.infra.embedded.DatabaseRoles;
import jp.shinko.infra.embedded.FreePorts;
import jp.shinko.infra.embedded.LocalIdentityProvider;
import jp.shinko.infra.embedded.ServiceProcess;

/**
 * Command and query services started as their own processes from their runnable jars, on a
 * given PostgreSQL, Kafka broker and identity provider, as an operator runs several instances.
 */
final class Services {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Path JARS = Path.of(System.getProperty("shinko.system-tests.services-dir",
            "target/services"));

    /**
     * Where the services find their database (reached here as its superuser, who has set up the
     * services' roles), broker and identity provider.
     */
    record Infrastructure(String jdbcUrl, String username, String password, String kafka,
            LocalIdentityProvider identity) {
    }

    private Services() {
    }

    /** Starts the services at once and waits until every one is healthy. */
    static List<ServiceProcess> startAll(List<CompletableFuture<ServiceProcess>> starting) {
        List<ServiceProcess> started = new ArrayList<>();
        for (CompletableFuture<ServiceProcess> service : starting) {
            started.add(service.join());
        }
        return started;
    }

    static CompletableFuture<ServiceProcess> command(String name, Infrastructure infrastructure) {
        return start(name, "command-service-exec.jar", FreePorts.any(), infrastructure, true);
    }

    static CompletableFuture<ServiceProcess> query(String name, Infrastructure infrastructure) {
        return start(name, "query-service-exec.jar", FreePorts.any(), infrastructure, false);
    }

    /** The command service again on the port it had, e.g. after it was killed. */
    static ServiceProcess restartCommand(ServiceProcess killed, Infrastructure infrastructure) {
        return start(killed.name(), "command-service-exec.jar", killed.baseUrl().getPort(), infrastructure, true)
                .join();
    }

    private static CompletableFuture<ServiceProcess> start(String name, String jar, int port,
            Infrastructure infrastructure, boolean withKafka) {
        return CompletableFuture.supplyAsync(() -> {
            // each service with its own role, as in production
            DatabaseRoles.Login login = DatabaseRoles.login(infrastructure.jdbcUrl(),
                    withKafka ? DatabaseRoles.COMMAND : DatabaseRoles.QUERY);
            List<String> arguments = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + login.jdbcUrl(),
                    "--spring.datasource.username=" + login.username(),
                    "--spring.datasource.password=" + login.password(),
                    // a request waits for a connection this long before it is answered 503
                    "--spring.datasource.hikari.connection-timeout=1500",
                    // as in production: one JSON object per line
                    "--logging.structured.format.console=ecs"));
            if (withKafka) {
                arguments.add("--spring.kafka.bootstrap-servers=" + infrastructure.kafka());
            }
            infrastructure.identity().resourceServerProperties()
                    .forEach((property, value) -> arguments.add("--" + property + "=" + value));
            try {
                Path logs = Files.createDirectories(Path.of("target", "service-logs"));
                ServiceProcess service = ServiceProcess.start(name, JARS.resolve(jar), port,
                        List.of("-Xmx320m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
                                "-Dfile.encoding=UTF-8"),
                        arguments, logs.resolve(name + ".log"));
                service.awaitHealthy(START_TIMEOUT);
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Stops every service, gracefully. */
    static void stopAll(List<ServiceProcess> services) {
        for (ServiceProcess service : services) {
            try {
                service.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
