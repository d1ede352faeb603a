package jp.shinko.infra.localstack.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import jp.shinko.infra.localstack.PageTimes;
import jp.shinko.infra.localstack.RunningStack;
import jp.shinko.infra.seeds.SeedLoader;

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
    /** Issue 22's target for a page's server time, p95. */
    private static final int PAGE_TARGET_MILLIS = 200;

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
        List<String> stackArguments = new ArrayList<>(List.of("--fresh", "--data-dir=bench-data",
                "--postgres-port=25432", "--kafka-port=29092", "--kafka-controller-port=29093",
                "--command-port=9181", "--query-port=9182", "--identity-port=9183", "--web-port=9180"));
        if (!options.seedCities()) {
            stackArguments.add("--no-demo-data");
        }
        LocalStackOptions stack = LocalStackOptions.parse(stackArguments.toArray(String[]::new));
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
        String analyst = identity.tokenFor(Actor.of("bench-analyst", Role.METRO_ANALYST), TOKEN_VALIDITY);
        String jdbcUrl = stack.postgresUrl();
        String user = EmbeddedPostgresServer.SUPERUSER;
        BenchCities cities = new BenchCities(http, stack.commandService(), identity, options.cities(),
                options.items(), options.years());
        try (HeapWatch heap = HeapWatch.of(stack.services(),
                Files.createDirectories(stackOptions.dataDirectory().resolve("logs")))) {
            Instant setUp = setUp(options, cities, admin, out);

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
            step(out, "6u Stream again, while " + options.clients() + " clients send the command mix");
            Latencies[] loaded = new Latencies[1];
            LoadRun.Result besideStream = LoadRun.beside(options.clients(), (client, sequence) -> {
                cities.sendRandomCommand();
                return 1;
            }, () -> loaded[0] = StreamLatency.measure(stack.kafkaBootstrapServers(), cities,
                    options.streamCommands()));
            Instant historyEnds = Instant.now();

            step(out, "Copying cities until the store holds " + options.storeEvents() + " events"
                    + (options.municipalities() > 0 ? " and " + options.municipalities() + " municipalities" : "")
                    + "; catching up");
            StoreScaleUp.Grown grown = StoreScaleUp.grow(jdbcUrl, user, templates(options, cities),
                    options.storeEvents(), options.municipalities());
            StoreScaleUp.awaitCaughtUp(http, services, admin);
            long stored = grown.events();
            step(out, "5 As of, " + options.asOfRequests() + " requests with " + stored + " events stored");
            Latencies asOf = QueryFigures.asOf(http, stack.queryService(), auditor, cities.codes().get(2),
                    cities.codes().get(1), setUp, options.asOfRequests());
            step(out, "8 Cross-city summary over " + grown.municipalities() + " municipalities, live");
            CrossCityFigures.Answered live = CrossCityFigures.liveSummary(http, stack.queryService(), analyst,
                    options.crossCityRequests());
            step(out, "9 Cross-city summary and missing reports as of past instants");
            CrossCityFigures.Answered pastSummary = CrossCityFigures.past(http, stack.queryService(), analyst,
                    "summary", setUp, historyEnds, options.pastCrossCityRequests());
            CrossCityFigures.Answered pastMissing = CrossCityFigures.past(http, stack.queryService(), analyst,
                    "missing-reports", setUp, historyEnds, options.pastCrossCityRequests());
            List<PageTimes.Timed> pages = List.of();
            if (options.seedCities()) {
                step(out, "10 The screens, " + options.pageRounds() + " requests per page");
                pages = PageTimes.time(stackOptions, options.pageRounds());
            }
            step(out, "4 Rebuild of every projection from " + stored + " events");
            QueryFigures.Rebuild rebuild = QueryFigures.rebuild(http, stack.queryService(), admin);

            List<String> memory = new ArrayList<>();
            for (ServiceProcess service : stack.services()) {
                memory.add(service.name() + " " + Machine.peakResidentMib(service.pid()).map(mib -> mib + " MiB")
                        .orElse("unknown"));
            }
            double limit = raw.unitsPerSecond();
            return List.of(
                    String.format(Locale.ROOT, "Store: %,d events of %,d municipalities; each service %s", stored,
                            grown.municipalities(), String.join(" ", LocalStack.SERVICE_JVM_OPTIONS)),
                    "",
                    "| # | figure | result | target |",
                    "| --- | --- | --- | --- |",
                    row("1", "Limit: raw single-row INSERT + COMMIT of an event-sized row, " + options.clients()
                            + " clients", String.format(Locale.ROOT, "%,.0f rows/s%s", limit, failures(raw)), ""),
                    row("2", "Commands: targets, actuals, quarterly statuses, review sheets over " + cities.count()
                            + " municipalities, " + options.clients() + " clients",
                            String.format(Locale.ROOT, "%,.0f commands/s = %.2f × (1); median %.1f ms, p99 %.1f ms%s",
                                    commands.unitsPerSecond(), commands.unitsPerSecond() / limit,
                                    commands.latencies().median(), commands.latencies().percentile(0.99),
                                    failures(commands)), "≥ 0.15 × (1)"),
                    row("2b", "Cost of the freshness check (one indexed lookup per cached plan before each command): "
                            + "(2) again on a second instance started with it off", String.format(Locale.ROOT,
                            "%,.0f commands/s, median %.1f ms, p99 %.1f ms without it; with it %+.1f%% commands/s, "
                                    + "p99 %+.1f ms%s", unchecked.unitsPerSecond(), unchecked.latencies().median(),
                            unchecked.latencies().percentile(0.99),
                            (commands.unitsPerSecond() / unchecked.unitsPerSecond() - 1) * 100,
                            commands.latencies().percentile(0.99) - unchecked.latencies().percentile(0.99),
                            failures(unchecked)), ""),
                    row("3", "Bulk: a whole table per request (" + cities.tableRows() + " rows), "
                            + options.clients() + " clients",
                            String.format(Locale.ROOT, "%,.0f events/s = %.2f × (1); median %.0f ms per table%s",
                                    tables.unitsPerSecond(), tables.unitsPerSecond() / limit,
                                    tables.latencies().median(), failures(tables)), "≥ 1.0 × (1)"),
                    row("4", String.format(Locale.ROOT, "Rebuild: every projection from %,d events", rebuild.events()),
                            String.format(Locale.ROOT, "%,.0f events/s (%.1f s)", rebuild.eventsPerSecond(),
                                    rebuild.took().toMillis() / 1000.0), "≥ 30,000 events/s"),
                    row("5", String.format(Locale.ROOT, "As of: one municipality's annual table at a random past "
                            + "instant, %,d events stored", stored),
                            String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms (%d requests)", asOf.median(),
                                    asOf.percentile(0.95), asOf.count()), "p95 ≤ 20 ms"),
                    row("6", "Stream: command answered → envelope received by a Kafka consumer, nothing else running",
                            latencies(stream, "commands"), ""),
                    row("6u", "Stream, while " + options.clients() + " clients send the command mix ("
                            + String.format(Locale.ROOT, "%,.0f commands/s meanwhile%s)",
                                    besideStream.unitsPerSecond(), failures(besideStream)),
                            latencies(loaded[0], "commands"), "p99 ≤ 50 ms"),
                    row("7", "Peak resident memory (VmHWM)", String.join(", ", memory), ""),
                    row("8", String.format(Locale.ROOT, "Cross-city summary, live, every municipality "
                            + "(%,d municipality-years; first page of 100)", live.totalItems()),
                            percentiles(live.latencies()), "p95 ≤ 100 ms"),
                    row("9", "Cross-city summary and missing reports as of a random past instant, every municipality",
                            "summary " + percentiles(pastSummary.latencies()) + "; missing reports "
                                    + percentiles(pastMissing.latencies()), "p95 ≤ 1 s"),
                    row("10", "Screens: server time of each page of `./local-stack pages` on the seed cities",
                            pages(pages), "p95 ≤ 200 ms"),
                    row("11", "Peak heap in use (jstat every 2 s) and time in garbage collection",
                            String.join(", ", heap.figures()), "every figure within 512 MiB"));
        }
    }

    /** Registers the cities and adopts their plans; at national scale each also enters its first whole table. */
    private static Instant setUp(BenchOptions options, BenchCities cities, String admin, PrintStream out)
            throws Exception {
        step(out, "Setting up " + options.cities() + " municipalities with " + options.items() + " items and "
                + options.years() + " fiscal years each through the API");
        boolean national = options.municipalities() > 0;
        parallel(options.clients(), cities.count(), index -> {
            cities.setUp(index, admin);
            if (national) {
                cities.enterTable(index, 0);
            }
        });
        return Instant.now();
    }

    /**
     * The cities the store grows from: the benchmark cities, and where the seed cities were entered
     * (Musashino's quarterly table, Akiruno's businesses, Tama's KPIs), every other copy one of them.
     */
    private static List<String> templates(BenchOptions options, BenchCities cities) {
        if (!options.seedCities()) {
            return cities.codes();
        }
        List<String> seeds = List.of(SeedLoader.MUSASHINO, SeedLoader.AKIRUNO, SeedLoader.TAMA);
        List<String> templates = new ArrayList<>();
        for (int i = 0; i < cities.count(); i++) {
            templates.add(cities.codes().get(i));
            templates.add(seeds.get(i % seeds.size()));
        }
        return templates;
    }

    private static String latencies(Latencies latencies, String what) {
        return String.format(Locale.ROOT, "median %.1f ms, p99 %.1f ms (%d %s)", latencies.median(),
                latencies.percentile(0.99), latencies.count(), what);
    }

    private static String percentiles(Latencies latencies) {
        return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms (%d requests)", latencies.median(),
                latencies.percentile(0.95), latencies.count());
    }

    private static String pages(List<PageTimes.Timed> pages) {
        if (pages.isEmpty()) {
            return "not measured in the quick mode (the screens' pages need the seed cities)";
        }
        PageTimes.Timed slowest = pages.stream().max(Comparator.comparingDouble(PageTimes.Timed::p95)).orElseThrow();
        List<String> over = pages.stream().filter(page -> page.p95() > PAGE_TARGET_MILLIS)
                .map(page -> String.format(Locale.ROOT, "%s (%s) p95 %.1f ms", page.page().name(), page.person(),
                        page.p95())).toList();
        return String.format(Locale.ROOT, "%d pages, %d within %d ms%s; slowest p95 %.1f ms (%s, %s); median of the "
                        + "pages' p95 %.1f ms", pages.size(), pages.size() - over.size(), PAGE_TARGET_MILLIS,
                over.isEmpty() ? "" : ", over it: " + String.join(", ", over), slowest.p95(), slowest.page().name(),
                slowest.person(),
                Latencies.ofNanos(pages.stream().map(page -> (long) (page.p95() * 1_000_000)).toList()).median());
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
