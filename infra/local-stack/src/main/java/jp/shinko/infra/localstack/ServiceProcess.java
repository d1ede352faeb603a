package jp.shinko.infra.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One service running as a child JVM from its runnable jar, with its output in a log file.
 *
 * <p>The child is started with {@value #OWNER_PROPERTY} naming the data folder, so a later
 * start can tell the user which process of an earlier run still holds a port.
 */
final class ServiceProcess implements AutoCloseable {

    /** System property that marks a service as started by a local stack on a given data folder. */
    static final String OWNER_PROPERTY = "shinko.local-stack.data-dir";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final URI baseUrl;
    private final Path log;

    private ServiceProcess(String name, Process process, URI baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * Starts {@code java -jar jar --server.port=port arguments…}.
     *
     * @throws IllegalStateException when the jar is missing
     */
    static ServiceProcess start(String name, Path jar, int port, List<String> arguments, Path log, Path dataDirectory)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("there is no " + jar.toAbsolutePath()
                    + "; build it first: ./mvnw -DskipTests package (./local-stack does this)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + OWNER_PROPERTY + "=" + dataDirectory,
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(name, process, URI.create("http://localhost:" + port), log);
    }

    String name() {
        return name;
    }

    URI baseUrl() {
        return baseUrl;
    }

    Path log() {
        return log;
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Waits until {@code /actuator/health} says UP; fails early if the process ends. */
    void awaitHealthy(Http http, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI health = baseUrl.resolve("/actuator/health");
        while (Instant.now().isBefore(deadline)) {
            if (exitedWithin(POLL_INTERVAL)) {
                throw new IllegalStateException(name + " stopped while starting (exit code " + process.exitValue()
                        + "); its log is " + log);
            }
            try {
                if (http.get(health).body().path("status").asString("").equals("UP")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
        }
        throw new IllegalStateException(
                name + " was not healthy within " + timeout.toSeconds() + " s; its log is " + log);
    }

    /** Waits for the process to end, at most for the given time; doubles as the pause between health checks. */
    private boolean exitedWithin(Duration duration) throws InterruptedException {
        try {
            process.onExit().get(duration.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks the service to shut down gracefully (SIGTERM) and waits; kills it if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
