package jp.shinko.infra.localstack.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.infra.embedded.DatabaseRoles;
import jp.shinko.infra.embedded.EmbeddedPostgresServer;
import jp.shinko.infra.embedded.LocalIdentityProvider;
import jp.shinko.infra.embedded.ServiceProcess;
import jp.shinko.infra.localstack.LocalStack;
import jp.shinko.infra.localstack.LocalStackOptions;
import jp.shinko.infra.localstack.RunningStack;

/**
 * {@code ./local-stack bench}: the whole system's speed in one table, every figure from the
 * same run. It starts a stack of its own (durable PostgreSQL, Kafka, both services as they run
 * in production) on ports apart from the local stack's, sets up municipalities through the REST
 * API with real tokens, and measures: the raw insert limit of this PostgreSQL, a mix of
 * commands, whole tables in one request, the Kafka stream's latency, "as of" answers and a
 * rebuild with a large store, and each service's peak memory.
 */
public final class Benchmark {

    private static final Duration TOKEN_VALIDITY = Duration.ofHours(6);
    private static final int UNCHECKED_PORT = 9184;

    private Benchmark() {
    }

    /** Runs the benchmark and prints its table; answers the process exit code. */
    public static int run(String[] args, PrintStream out) {
        BenchOptions options;
        try {
            if (List.of(args).contains("--help")) {
                out.print(BenchOptions.USAGE);
                return 0;
            }
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(BenchOptions.USAGE);
            return 2;
        }
        LocalStackOptions stack = LocalStackOptions.parse("--fresh", "--no-demo-data", "--data-dir=bench-data",
                "--postgres-port=25432", "--kafka-port=29092", "--kafka-controller-port=29093",
                "--command-port=9181", "--query-port=9182", "--identity-port=9183", "--web-port=9180");
        long started = System.nanoTime();
        try (RunningStack running = LocalStack.start(stack, out)) {
            List<String> rows = measure(options, running, stack, out);
            out.println();
            out.printf(Locale.ROOT, "Shinko benchmark, %s mode, %d clients, %s; %s%n%n", options.mode(),
                    options.clients(), Instant.now(), Machine.describe());
            rows.forEach(out::println);
            out.printf(Locale.ROOT, "%nThe whole run took %.1f min.%n", (System.nanoTime() - started) / 60e9);
            out.flush();
            return 0;
        } catch (Exception e) {
            out.println();
            out.println("The benchmark failed: " + e);
            out.println("Logs are in " + stack.dataDirectory().toAbsolutePath().normalize().resolve("logs"));
            return 1;
        }
    }

    private static List<String> measure(BenchOptions options, RunningStack stack, LocalStackOptions stackOptions,
            PrintStream out) throws Exception {
        BenchHttp http = new BenchHttp();
        LocalIdentityProvider identity = stack.identity();
        String admin = identity.tokenFor(Actor.of("bench-admin", Role.ADMIN), TOKEN_VALIDITY);
        String auditor = identity.tokenFor(Actor.of("bench-auditor", Role.AUDITOR), TOKEN_VALIDITY);
        String jdbcUrl = stack.postgresUrl();
        String user = EmbeddedPostgresServer.SUPERUSER;
        BenchCities cities = new BenchCities(http, stack.commandService(), identity, options.cities(),
                options.items());

        step(out, "Setting up " + options.cities() + " municipalities with " + options.items()
                + " items each through the API");
        parallel(options.clients(), cities.count(), index -> cities.setUp(index, admin));
        Instant setUp = Instant.now();

        step(out, "1 Raw INSERT + COMMIT, " + options.clients() + " clients");
        LoadRun.Result raw = RawInsertLimit.measure(jdbcUrl, user, options.clients(), options.warmUp(),
                options.rawInserts());
        step(out, "2 Commands, " + options.clients() + " clients");
        LoadRun.Result commands = LoadRun.run(options.clients(), options.warmUp(), options.commands(),
                (client, sequence) -> {
                    cities.sendRandomCommand();
                    return 1;
                });
        step(out, "2b The same commands on a second command-service instance that skips the freshness check");
        LoadRun.Result unchecked = withoutFreshnessCheck(stack, stackOptions, options, cities);
        step(out, "3 Whole tables, " + options.clients() + " clients");
        LoadRun.Result tables = LoadRun.run(options.clients(), options.warmUp(), options.tables(),
                (client, sequence) -> {
                    // each client enters its own cities' tables in turn, so no two wait for the same plan
                    int perClient = Math.max(1, cities.count() / options.clients());
                    int city = (int) ((client + sequence * options.clients()) % (perClient * options.clients()))
                            % cities.count();
                    return cities.enterTable(city, sequence + 1000L * client);
                });
        List<URI> services = List.of(stack.commandService(), stack.queryService());
        step(out, "Waiting until the projections and the Kafka relay have caught up");
        StoreScaleUp.awaitCaughtUp(http, services, admin);
        step(out, "6 Stream, " + options.streamCommands() + " commands one after the other");
        Latencies stream = StreamLatency.measure(stack.kafkaBootstrapServers(), cities, options.streamCommands());

        step(out, "Copying the cities' events until the store holds " + options.storeEvents() + "; catching up");
        long stored = StoreScaleUp.grow(jdbcUrl, user, cities.codes(), options.storeEvents());
        StoreScaleUp.awaitCaughtUp(http, services, admin);
        step(out, "5 As of, " + options.asOfRequests() + " requests with " + stored + " events stored");
        Latencies asOf = QueryFigures.asOf(http, stack.queryService(), auditor, cities.codes().get(2),
                cities.codes().get(1), setUp, options.asOfRequests());
        step(out, "4 Rebuild of every projection from " + stored + " events");
        QueryFigures.Rebuild rebuild = QueryFigures.rebuild(http, stack.queryService(), admin);

        List<String> memory = new ArrayList<>();
        for (ServiceProcess service : stack.services()) {
            memory.add(service.name() + " " + Machine.peakResidentMib(service.pid()).map(mib -> mib + " MiB")
                    .orElse("unknown"));
        }
        double limit = raw.unitsPerSecond();
        return List.of(
                "| # | figure | result | target |",
                "| --- | --- | --- | --- |",
                row("1", "Limit: raw single-row INSERT + COMMIT of an event-sized row, " + options.clients()
                        + " clients", String.format(Locale.ROOT, "%,.0f rows/s%s", limit, failures(raw)), ""),
                row("2", "Commands: targets, actuals, quarterly statuses, review sheets over " + cities.count()
                        + " municipalities, " + options.clients() + " clients",
                        String.format(Locale.ROOT, "%,.0f commands/s = %.2f × (1); median %.1f ms, p99 %.1f ms%s",
                                commands.unitsPerSecond(), commands.unitsPerSecond() / limit,
                                commands.latencies().median(), commands.latencies().percentile(0.99),
                                failures(commands)), "≥ 0.5 × (1)"),
                row("2b", "Cost of the freshness check (one indexed lookup per cached plan before each command): (2) "
                        + "again on a second instance started with it off", String.format(Locale.ROOT,
                        "%,.0f commands/s, median %.1f ms, p99 %.1f ms without it; with it %+.1f%% commands/s, "
                                + "p99 %+.1f ms%s", unchecked.unitsPerSecond(), unchecked.latencies().median(),
                        unchecked.latencies().percentile(0.99),
                        (commands.unitsPerSecond() / unchecked.unitsPerSecond() - 1) * 100,
                        commands.latencies().percentile(0.99) - unchecked.latencies().percentile(0.99),
                        failures(unchecked)), ""),
                row("3", "Bulk: a whole table per request (" + options.items() * 28 + " rows), "
                        + options.clients() + " clients",
                        String.format(Locale.ROOT, "%,.0f events/s = %.2f × (1); median %.0f ms per table%s",
                                tables.unitsPerSecond(), tables.unitsPerSecond() / limit,
                                tables.latencies().median(), failures(tables)), "≥ 2 × (1)"),
                row("4", String.format(Locale.ROOT, "Rebuild: every projection from %,d events", rebuild.events()),
                        String.format(Locale.ROOT, "%,.0f events/s (%.1f s)", rebuild.eventsPerSecond(),
                                rebuild.took().toMillis() / 1000.0), "≥ 20,000 events/s"),
                row("5", String.format(Locale.ROOT, "As of: one municipality's annual table at a random past "
                        + "instant, %,d events stored", stored),
                        String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms (%d requests)", asOf.median(),
                                asOf.percentile(0.95), asOf.count()), "p95 ≤ 50 ms"),
                row("6", "Stream: command answered → envelope received by a Kafka consumer",
                        String.format(Locale.ROOT, "median %.1f ms, p99 %.1f ms (%d commands)", stream.median(),
                                stream.percentile(0.99), stream.count()), "p99 ≤ 1 s"),
                row("7", "Peak resident memory (VmHWM)", String.join(", ", memory), ""));
    }

    /**
     * The command mix on a second command-service instance started with
     * {@code shinko.aggregate-cache.check-freshness=false}, while the first is idle: what the check
     * costs, measured beside (2) in the same run. Switching the check off is right only for a single
     * instance; the second is stopped right after.
     */
    private static LoadRun.Result withoutFreshnessCheck(RunningStack stack, LocalStackOptions stackOptions,
            BenchOptions options, BenchCities cities) throws Exception {
        List<String> arguments = new ArrayList<>(LocalStack.databaseArguments(stack, DatabaseRoles.COMMAND));
        arguments.addAll(List.of("--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--shinko.aggregate-cache.check-freshness=false"));
        stack.identity().resourceServerProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        Path logs = Files.createDirectories(stackOptions.dataDirectory().resolve("logs"));
        try (ServiceProcess unchecked = ServiceProcess.start("command-service-unchecked",
                stackOptions.servicesDirectory().resolve("command-service-exec.jar"), UNCHECKED_PORT,
                LocalStack.SERVICE_JVM_OPTIONS,
                arguments,
                logs.resolve("command-service-unchecked.log"))) {
            unchecked.awaitHealthy(Duration.ofMinutes(3));
            BenchCities elsewhere = cities.through(unchecked.baseUrl());
            return LoadRun.run(options.clients(), options.warmUp(), options.commands(), (client, sequence) -> {
                elsewhere.sendRandomCommand();
                return 1;
            });
        }
    }

    private static String row(String number, String figure, String result, String target) {
        return "| " + number + " | " + figure + " | " + result + " | " + target + " |";
    }

    private static String failures(LoadRun.Result result) {
        return result.failures() == 0 ? "" : String.format(Locale.ROOT, " (%d requests failed, first: %s)",
                result.failures(), result.firstFailure());
    }

    private static void step(PrintStream out, String what) {
        out.println(what + "...");
        out.flush();
    }

    /** Something to do for each index. */
    @FunctionalInterface
    private interface Task {
        void run(int index) throws Exception;
    }

    private static void parallel(int threads, int count, Task task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(executor.submit(() -> {
                    task.run(index);
                    return null;
                }));
            }
            for (Future<Object> future : done) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }
    }
}
