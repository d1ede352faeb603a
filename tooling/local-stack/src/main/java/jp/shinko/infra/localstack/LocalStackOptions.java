package jp.shinko.infra.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * What the local stack is started with; every option has a default.
 *
 * @param dataDirectory where PostgreSQL, Kafka and the logs keep their files
 * @param fresh whether to delete earlier data before starting
 * @param postgresPort PostgreSQL's port
 * @param kafkaPort the Kafka broker's client port
 * @param kafkaControllerPort the KRaft controller's port
 * @param commandPort the command service's HTTP port
 * @param queryPort the query service's HTTP port
 * @param identityPort the local identity provider's HTTP port (tokens and the public key)
 * @param webPort the screens' HTTP port
 * @param servicesDirectory where the services' runnable jars are
 * @param demoData whether to register the demo municipalities
 */
public record LocalStackOptions(Path dataDirectory, boolean fresh, int postgresPort, int kafkaPort,
        int kafkaControllerPort, int commandPort, int queryPort, int identityPort, int webPort, Path servicesDirectory,
        boolean demoData) {

    /** Where the build put the service jars; set by the build for tests. */
    static final String SERVICES_DIRECTORY_PROPERTY = "shinko.local-stack.services-dir";

    static final String USAGE = """
            Usage: ./local-stack [options]          start the stack
                   ./local-stack bench [--quick] [--clients=N] [--events=N]   measure the system's speed on a
                                                    stack of its own; ./local-stack bench --help says more
                   ./local-stack events [--kafka-port=PORT]   print the integration events of a running stack
                   ./local-stack summary [--kafka-port=PORT] [--once]   the metropolitan reference consumer's
                                                    cross-city summary of a running stack
                        [--municipality=CODE]       and the joint projects that municipality takes part in
                   ./local-stack pages [--rounds=N]   each screen's server time (median, p95) on a running stack
                                                    with the demo data, signed in as the people who use it

              --fresh                    delete earlier data and start from empty
              --data-dir=DIR             where data and logs are kept (default: local-data)
              --postgres-port=PORT       PostgreSQL (default: 15432)
              --kafka-port=PORT          Kafka broker (default: 19092)
              --kafka-controller-port=PORT  Kafka's KRaft controller (default: 19093)
              --command-port=PORT        command service HTTP (default: 8081)
              --query-port=PORT          query service HTTP (default: 8082)
              --identity-port=PORT       identity provider: tokens and signing key (default: 8083)
              --web-port=PORT            the screens (default: 8080)
              --no-demo-data             do not register the demo municipalities
              --services-dir=DIR         where the service jars are (default: tooling/local-stack/target/services)
              --help                     show this help
            """;

    /** The same options with {@code --fresh} set as given. */
    LocalStackOptions fresh(boolean fresh) {
        return new LocalStackOptions(dataDirectory, fresh, postgresPort, kafkaPort, kafkaControllerPort, commandPort,
                queryPort, identityPort, webPort, servicesDirectory, demoData);
    }

    LocalStackOptions withoutDemoData() {
        return new LocalStackOptions(dataDirectory, fresh, postgresPort, kafkaPort, kafkaControllerPort, commandPort,
                queryPort, identityPort, webPort, servicesDirectory, false);
    }

    /** A named port of the stack, with the option that changes it. */
    record NamedPort(String purpose, int port, String option) {
    }

    List<NamedPort> ports() {
        return List.of(
                new NamedPort("PostgreSQL", postgresPort, "--postgres-port"),
                new NamedPort("Kafka", kafkaPort, "--kafka-port"),
                new NamedPort("Kafka controller", kafkaControllerPort, "--kafka-controller-port"),
                new NamedPort("command service", commandPort, "--command-port"),
                new NamedPort("query service", queryPort, "--query-port"),
                new NamedPort("identity provider", identityPort, "--identity-port"),
                new NamedPort("web screens", webPort, "--web-port"));
    }

    /**
     * Reads {@code --name=value} options; what is not given keeps its default.
     *
     * @throws IllegalArgumentException with a message for the user when an option is unknown or malformed
     */
    public static LocalStackOptions parse(String... args) {
        Path dataDirectory = Path.of("local-data");
        Path servicesDirectory =
                Path.of(System.getProperty(SERVICES_DIRECTORY_PROPERTY, "tooling/local-stack/target/services"));
        boolean fresh = false;
        boolean demoData = true;
        int postgresPort = 15432;
        int kafkaPort = 19092;
        int kafkaControllerPort = 19093;
        int commandPort = 8081;
        int queryPort = 8082;
        int identityPort = 8083;
        int webPort = 8080;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value = equals < 0 ? null : arg.substring(equals + 1);
            switch (name) {
                case "--fresh" -> fresh = flag(name, value);
                case "--no-demo-data" -> demoData = !flag(name, value);
                case "--data-dir" -> dataDirectory = Path.of(required(name, value));
                case "--services-dir" -> servicesDirectory = Path.of(required(name, value));
                case "--postgres-port" -> postgresPort = port(name, value);
                case "--kafka-port" -> kafkaPort = port(name, value);
                case "--kafka-controller-port" -> kafkaControllerPort = port(name, value);
                case "--command-port" -> commandPort = port(name, value);
                case "--query-port" -> queryPort = port(name, value);
                case "--identity-port" -> identityPort = port(name, value);
                case "--web-port" -> webPort = port(name, value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        LocalStackOptions options = new LocalStackOptions(dataDirectory, fresh, postgresPort, kafkaPort,
                kafkaControllerPort, commandPort, queryPort, identityPort, webPort, servicesDirectory, demoData);
        List<Integer> ports = options.ports().stream().map(NamedPort::port).toList();
        if (ports.stream().distinct().count() != ports.size()) {
            throw new IllegalArgumentException("each port must be different, got " + ports);
        }
        return options;
    }

    private static boolean flag(String name, String value) {
        if (value != null) {
            throw new IllegalArgumentException(name + " takes no value");
        }
        return true;
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(required(name, value));
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number from 1 to 65535, not " + value);
    }
}
