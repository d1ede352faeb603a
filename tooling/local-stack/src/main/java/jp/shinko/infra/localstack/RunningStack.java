package jp.shinko.infra.localstack;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jp.shinko.infra.embedded.LocalIdentityProvider;
import jp.shinko.infra.embedded.ServiceProcess;

/**
 * The parts of the stack that are running, stopped in the reverse order of their start: the
 * services first, then the identity provider, Kafka and PostgreSQL, so nothing loses what it
 * depends on while it shuts down. Closing is idempotent and safe from a shutdown hook.
 */
public final class RunningStack implements AutoCloseable {

    /** A started part; {@code name} is null for housekeeping that closes without a message. */
    private record Part(String name, AutoCloseable part) {
    }

    private final PrintStream out;
    private final Deque<Part> started = new ArrayDeque<>();
    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private ServiceProcess webScreens;
    private String kafkaBootstrapServers;
    private String postgresUrl;
    private LocalIdentityProvider identity;
    private volatile boolean closing;

    RunningStack(PrintStream out) {
        this.out = out;
    }

    synchronized void started(String name, AutoCloseable part) {
        started.push(new Part(name, part));
    }

    /** Something to undo last, after every part has stopped, without a message. */
    synchronized void finallyClose(AutoCloseable housekeeping) {
        started.addLast(new Part(null, housekeeping));
    }

    synchronized void postgres(String jdbcUrl) {
        this.postgresUrl = jdbcUrl;
    }

    synchronized void kafka(String bootstrapServers) {
        this.kafkaBootstrapServers = bootstrapServers;
    }

    synchronized void identity(LocalIdentityProvider identityProvider) {
        this.identity = identityProvider;
    }

    synchronized void services(ServiceProcess command, ServiceProcess query, ServiceProcess web) {
        this.commandService = command;
        this.queryService = query;
        this.webScreens = web;
    }

    /** The screens' address, where people sign in. */
    public URI web() {
        return webScreens.baseUrl();
    }

    public URI commandService() {
        return commandService.baseUrl();
    }

    public URI queryService() {
        return queryService.baseUrl();
    }

    /** The services' processes: the command service, the query service, then the screens. */
    public List<ServiceProcess> services() {
        return List.of(commandService, queryService, webScreens);
    }

    /** The identity provider whose tokens the services trust. */
    public LocalIdentityProvider identity() {
        return identity;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String postgresUrl() {
        return postgresUrl;
    }

    boolean isClosing() {
        return closing;
    }

    /** Completes with the first service that ends, for whatever reason. */
    CompletableFuture<ServiceProcess> anyServiceEnded() {
        List<ServiceProcess> services = List.of(commandService, queryService);
        CompletableFuture<ServiceProcess> ended = new CompletableFuture<>();
        services.forEach(service -> service.onExit().thenRun(() -> ended.complete(service)));
        return ended;
    }

    /** Stops every part, services first. */
    @Override
    public synchronized void close() {
        closing = true;
        while (!started.isEmpty()) {
            Part part = started.pop();
            if (part.name() != null) {
                out.print("Stopping " + part.name() + "... ");
                out.flush();
            }
            try {
                part.part().close();
                if (part.name() != null) {
                    out.println("stopped.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("interrupted.");
            } catch (Exception e) {
                out.println("failed: " + e.getMessage());
            }
        }
    }
}
