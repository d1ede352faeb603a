package jp.shinko.infra.testsupport;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.shinko.infra.embedded.FreePorts;

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

    /** The running command service's base URL, starting it on first use. */
    public static URI baseUrl() {
        return Holder.BASE_URL;
    }

    private static final class Holder {

        private static final URI BASE_URL = start();

        private static URI start() {
            Path jar = Path.of(System.getProperty(JAR_PROPERTY, "command-service-exec.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the command service's jar " + jar.toAbsolutePath() + " is missing; "
                        + "build it first (./mvnw -DskipTests package -pl command-service -am)");
            }
            int port = FreePorts.any();
            TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers()));
            TestInfrastructure.identityProvider().resourceServerProperties()
                    .forEach((name, value) -> command.add("--" + name + "=" + value));
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(Path.of("target", "command-service-process.log").toFile()))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
                URI baseUrl = URI.create("http://localhost:" + port);
                awaitHealthy(process, baseUrl);
                return baseUrl;
            } catch (IOException e) {
                throw new IllegalStateException("could not start the command service", e);
            }
        }

        private static void awaitHealthy(Process process, URI baseUrl) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health")).build();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the command service stopped while starting (exit code "
                            + process.exitValue() + "); see target/command-service-process.log");
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // still starting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                try {
                    process.waitFor(250, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("the command service was not healthy within "
                    + START_TIMEOUT.toMinutes() + " min; see target/command-service-process.log");
        }
    }
}
