package jp.shinko.infra.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.consumer.ReferenceConsumer;
import jp.shinko.infra.embedded.DatabaseRoles;
import jp.shinko.infra.embedded.EmbeddedPostgresServer;
import jp.shinko.infra.embedded.KraftBroker;
import jp.shinko.infra.embedded.LocalIdentityProvider;
import jp.shinko.infra.embedded.ServiceProcess;
import jp.shinko.infra.kafka.Topics;
import jp.shinko.infra.seeds.SeedLoader;

/**
 * The whole system on one machine, in one command: a durable PostgreSQL, a Kafka broker, an
 * identity provider, the command service and the query service, with the demo municipalities
 * registered and the seed tables of Akiruno, Musashino and Tama entered through the API.
 *
 * <p>PostgreSQL and Kafka keep their data in a folder the user can see ({@code local-data} by
 * default), and so does the identity provider its signing key, so a second start finds
 * everything again and earlier tokens stay valid; {@code --fresh} starts from empty. Ctrl-C
 * stops the services first, then the identity provider, Kafka and PostgreSQL.
 */
public final class LocalStack {

    static final String DATABASE = "shinko";
    /**
     * Each service's heap bounded as in production (where the image gives it 75% of the container's
     * 640 MiB): the benchmark's figures are measured within it.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(60);
    /** Who the demo data's events name as their actor. */
    private static final Actor LAUNCHER = Actor.of("local-stack", Role.ADMIN);

    /** The reference consumer's option that lists a municipality's joint projects too. */
    private static final String MUNICIPALITY_OPTION = "--municipality=";
    /** How many times {@code pages} asks each page. */
    private static final String ROUNDS_OPTION = "--rounds=";

    private LocalStack() {
    }

    /**
     * Starts the stack and blocks until it stops; with {@code events} as first argument prints
     * the integration events, with {@code summary} runs the reference consumer; returns the
     * process exit code.
     */
    public static int run(String[] args, PrintStream out) {
        boolean events = args.length > 0 && args[0].equals("events");
        boolean summary = args.length > 0 && args[0].equals("summary");
        boolean pages = args.length > 0 && args[0].equals("pages");
        boolean once = List.of(args).contains("--once");
        Optional<String> roundsOption = Arrays.stream(args).filter(arg -> arg.startsWith(ROUNDS_OPTION))
                .map(arg -> arg.substring(ROUNDS_OPTION.length())).findFirst();
        Optional<String> municipality = Arrays.stream(args).filter(arg -> arg.startsWith(MUNICIPALITY_OPTION))
                .map(arg -> arg.substring(MUNICIPALITY_OPTION.length())).findFirst();
        String[] optionArgs = events || summary || pages ? Arrays.stream(args).skip(1)
                .filter(arg -> !arg.equals("--once") && !arg.startsWith(MUNICIPALITY_OPTION)
                        && !arg.startsWith(ROUNDS_OPTION))
                .toArray(String[]::new) : args;
        LocalStackOptions options;
        int rounds;
        try {
            rounds = Integer.parseInt(roundsOption.orElse("20")); // a NumberFormatException is said with the usage
            if (List.of(optionArgs).contains("--help")) {
                out.print(LocalStackOptions.USAGE);
                return 0;
            }
            options = LocalStackOptions.parse(optionArgs);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(LocalStackOptions.USAGE);
            return 2;
        }
        if (events) {
            return EventsTail.run(options, out);
        }
        if (pages) {
            return PageTimes.run(options, Math.max(1, rounds), out);
        }
        if (summary) {
            List<String> consumerArgs = new ArrayList<>(List.of("--bootstrap-servers", "localhost:"
                    + options.kafkaPort()));
            municipality.ifPresent(code -> consumerArgs.addAll(List.of("--municipality", code)));
            if (once) {
                consumerArgs.add("--once");
            }
            return ReferenceConsumer.run(consumerArgs.toArray(String[]::new), out);
        }
        long startedAt = System.nanoTime();
        RunningStack stack;
        try {
            stack = start(options, out);
        } catch (StartRefused e) {
            e.problems().forEach(out::println);
            return 2;
        } catch (Exception e) {
            out.println();
            out.println("The local stack could not start: " + e.getMessage());
            out.println("Logs are in " + options.dataDirectory().toAbsolutePath().normalize().resolve("logs"));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        printSummary(out, options, stack, Duration.ofNanos(System.nanoTime() - startedAt));
        return awaitEnd(stack, out);
    }

    /** Where a service finds the database, as its own role. */
    public static List<String> databaseArguments(RunningStack stack, String role) {
        DatabaseRoles.Login login = DatabaseRoles.login(stack.postgresUrl(), role);
        return List.of("--spring.datasource.url=" + login.jdbcUrl(), "--spring.datasource.username=" + login.username(),
                "--spring.datasource.password=" + login.password());
    }

    /**
     * Starts every part in order and returns the running stack; on failure, stops what was
     * started and rethrows.
     */
    public static RunningStack start(LocalStackOptions options, PrintStream out) throws Exception {
        DataDirectory data = new DataDirectory(options.dataDirectory());
        List<String> obstacles = StartObstacles.find(options, data);
        if (!obstacles.isEmpty()) {
            throw new StartRefused(obstacles);
        }
        data.prepare(options.fresh());
        System.setProperty("shinko.local-stack.log-file", data.log("local-stack").toString());
        RunningStack stack = new RunningStack(out);
        stack.finallyClose(data.claim());
        try {
            step(out, "Starting PostgreSQL on port " + options.postgresPort());
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startDurable(
                    data.postgres(), options.postgresPort(), data.log("postgres"));
            stack.started("PostgreSQL", postgres);
            postgres.createDatabaseIfMissing(DATABASE);
            // the roles of a production installation: each service connects as its own, neither a superuser
            DatabaseRoles.ensure(postgres.jdbcUrl(DATABASE), EmbeddedPostgresServer.SUPERUSER, "");
            stack.postgres(postgres.jdbcUrl(DATABASE));

            step(out, "Starting Kafka on port " + options.kafkaPort());
            KraftBroker kafka = KraftBroker.start(data.kafka(), options.kafkaPort(), options.kafkaControllerPort());
            stack.started("Kafka", kafka);
            stack.kafka(kafka.bootstrapServers());

            step(out, "Starting the identity provider on port " + options.identityPort());
            LocalIdentityProvider identity = LocalIdentityProvider.start(data.signingKey(), options.identityPort());
            stack.started("identity provider", identity);
            stack.identity(identity);

            List<String> commandArguments = new ArrayList<>(databaseArguments(stack, DatabaseRoles.COMMAND));
            commandArguments.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            List<String> queryArguments = new ArrayList<>(databaseArguments(stack, DatabaseRoles.QUERY));
            identity.resourceServerProperties().forEach((name, value) -> {
                commandArguments.add("--" + name + "=" + value);
                queryArguments.add("--" + name + "=" + value);
            });
            // The command service owns the event store schema, so it is up before the query service reads it.
            ServiceProcess command = startService(out, stack, options, data, "command-service",
                    options.commandPort(), commandArguments);
            ServiceProcess query = startService(out, stack, options, data, "query-service",
                    options.queryPort(), queryArguments);
            // The screens find the identity provider's endpoints at start-up, and call both services.
            ServiceProcess web = startService(out, stack, options, data, "web", options.webPort(), List.of(
                    "--shinko.web.sign-in.issuer=" + identity.issuer(),
                    "--shinko.web.command-service=" + command.baseUrl(),
                    "--shinko.web.query-service=" + query.baseUrl()));
            Http http = new Http();
            stack.services(command, query, web);

            if (options.demoData()) {
                step(out, "Registering the demo municipalities");
                String admin = identity.tokenFor(LAUNCHER, Duration.ofMinutes(5));
                DemoData.register(http, command.baseUrl(), admin);
                DemoData.awaitListed(http, query.baseUrl(), admin, PROJECTION_TIMEOUT);
                step(out, "Entering the seed tables (Akiruno, Musashino's two plans, Tama, 東京都's programmes and "
                        + "joint projects) through the API");
                SeedLoader loader = new SeedLoader(command.baseUrl(), code -> identity.tokenFor(
                        MunicipalityCode.of(code).isPrefecture() ? Actor.of("demo-loader-metro", Role.METRO_EDITOR)
                        : new Actor("demo-loader-" + code, Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null),
                        Duration.ofMinutes(10)));
                loader.loadAllAtOnce();
                loader.loadMetropolitan();
                SeedLoader.Summary seeds = loader.summary();
                out.println("  " + seeds.requests() + " requests" + (seeds.replayed() == seeds.requests()
                        ? ", all already entered by an earlier start" : ""));
            }
            return stack;
        } catch (Exception | Error e) {
            out.println();
            stack.close();
            throw e;
        }
    }

    private static ServiceProcess startService(PrintStream out, RunningStack stack, LocalStackOptions options,
            DataDirectory data, String name, int port, List<String> arguments)
            throws IOException, InterruptedException {
        step(out, "Starting " + name + " on port " + port);
        List<String> jvm = new ArrayList<>(SERVICE_JVM_OPTIONS);
        jvm.add(StartObstacles.ownerOption(data));
        ServiceProcess service = ServiceProcess.start(name, options.servicesDirectory().resolve(name + "-exec.jar"),
                port, jvm, arguments, data.log(name));
        stack.started(name, service);
        service.awaitHealthy(SERVICE_START_TIMEOUT);
        return service;
    }

    private static void step(PrintStream out, String what) {
        out.println(what + "...");
    }

    private static int awaitEnd(RunningStack stack, PrintStream out) {
        try {
            ServiceProcess ended = stack.anyServiceEnded().get();
            if (stack.isClosing()) {
                return 0;
            }
            out.println(ended.name() + " stopped unexpectedly; its log is " + ended.log() + ". Stopping the rest.");
            stack.close();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            out.println("unexpected: " + e.getCause());
            stack.close();
            return 1;
        }
    }

    private static void printSummary(PrintStream out, LocalStackOptions options, RunningStack stack, Duration took) {
        Path data = options.dataDirectory().toAbsolutePath().normalize();
        String command = stack.commandService().toString();
        String query = stack.queryService().toString();
        String tokens = stack.identity().tokenUri().toString();
        out.printf(Locale.ROOT, """

                The local stack is up (%.1f s).

                  screens (web)      %s  <- open it in a browser and sign in: pick a role (and a municipality)
                  command service    %s
                                     OpenAPI %s/v3/api-docs   Swagger UI %s/swagger-ui.html
                  query service      %s
                                     OpenAPI %s/v3/api-docs   Swagger UI %s/swagger-ui.html
                  identity provider  %s  (issuer of the tokens both services trust)
                  PostgreSQL         %s  (user postgres, no password)
                  Kafka              bootstrap %s, topic %s
                  data               %s  (postgres/, kafka/, identity/)
                  logs               %s

                %s

                Every request needs a token (valid %d h). Get one for a role:
                  TOKEN=$(curl -s '%s?role=metro-analyst')
                  roles: admin, metro-analyst, metro-editor, auditor; municipal-editor and municipal-viewer also need
                  &municipality=CODE (e.g. 132241) and may add &organisation=NAME (URL-encoded).
                Try:  curl -s -H "Authorization: Bearer $TOKEN" %s/municipalities

                Kafka events as a consumer sees them:  ./local-stack events
                Press Ctrl-C to stop. The data is kept; ./local-stack --fresh starts from empty.
                """,
                took.toMillis() / 1000.0,
                stack.web(),
                command, command, command,
                query, query, query,
                stack.identity().issuer(),
                stack.postgresUrl(),
                stack.kafkaBootstrapServers(), Topics.INTEGRATION_EVENTS.name(),
                data,
                data.resolve("logs"),
                options.demoData() ? "Demo data: " + DemoData.MUNICIPALITIES.size() + " municipalities ("
                        + String.join(", ",
                                DemoData.MUNICIPALITIES.stream().map(m -> m.code() + " " + m.name()).toList())
                        + ")." : "No demo data (--no-demo-data).",
                LocalIdentityProvider.DEFAULT_VALIDITY.toHours(),
                tokens,
                query);
        out.flush();
    }

    /** What prevents a start, each with what to do about it. */
    static final class StartRefused extends Exception {

        private final List<String> problems;

        StartRefused(List<String> problems) {
            super(String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
