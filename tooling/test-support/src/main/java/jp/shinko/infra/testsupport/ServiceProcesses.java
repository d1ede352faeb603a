package jp.shinko.infra.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.infra.embedded.ServiceProcess;

/**
 * Starts a service beside a test as its own process, from the runnable jar a system property
 * names, on the test JVM's PostgreSQL and identity provider; its output goes to
 * {@code target/<name>-process.log}.
 */
final class ServiceProcesses {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private ServiceProcesses() {
    }

    /** Starts it with the database and token settings and the arguments given; returns once it is healthy. */
    static ServiceProcess start(String name, String jarProperty, int port, List<String> moreArguments) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.forService(name);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password()));
        arguments.addAll(moreArguments);
        TestInfrastructure.identityProvider().resourceServerProperties()
                .forEach((property, value) -> arguments.add("--" + property + "=" + value));
        try {
            ServiceProcess started = ServiceProcess.start(name, Path.of(System.getProperty(jarProperty,
                            name + "-exec.jar")), port, List.of("-Xmx384m", "-Duser.timezone=UTC",
                            "-Dfile.encoding=UTF-8"), arguments, Path.of("target", name + "-process.log"));
            started.awaitHealthy(START_TIMEOUT);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
