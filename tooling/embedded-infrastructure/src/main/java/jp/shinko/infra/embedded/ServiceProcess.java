package jp.shinko.infra.embedded;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One service running as a child JVM from its runnable jar, with its output in a log file: the
 * local stack's services, and the command service beside the query service's tests.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The overall status; a caller without a token sees no components, so this is the only status. */
    private static final String UP = "\"status\":\"UP\"";
    private static final HttpClient HEALTH_CLIENT = HttpClient.newBuilder().connectTimeout(POLL_TIMEOUT).build();

    private final String name;
    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final OrphanGuard.Watch watch;

    private ServiceProcess(String name, Process process, URI baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.watch = OrphanGuard.stopWhenThisJvmEnds(process, "TERM");
    }

    /**
     * Starts {@code java jvmOptions… -jar jar --server.port=port arguments…}.
     *
     * @throws IllegalStateException when the jar is missing
     */
    public static ServiceProcess start(String name, Path jar, int port, List<String> jvmOptions,
            List<String> arguments, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("there is no " + jar.toAbsolutePath()
                    + "; build it first: ./mvnw -DskipTests package (./local-stack does this)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(name, process, URI.create("http://localhost:" + port), log);
    }

    public String name() {
        return name;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The operating system's id of the service's JVM, to read its resident memory from. */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Waits until {@code /actuator/health} says UP; fails early if the process ends. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI health = baseUrl.resolve("/actuator/health");
        while (Instant.now().isBefore(deadline)) {
            if (exitedWithin(POLL_INTERVAL)) {
                throw new IllegalStateException(name + " stopped while starting (exit code " + process.exitValue()
                        + "); its log is " + log);
            }
            try {
                if (HEALTH_CLIENT.send(HttpRequest.newBuilder(health).timeout(POLL_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains(UP)) {
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

    /** Kills the service at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        watch.end();
    }

    /** Asks the service to shut down gracefully (SIGTERM) and waits; kills it if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        watch.end();
    }
}
