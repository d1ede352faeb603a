package jp.shinko.infra.localstack.bench;

import java.time.Duration;

/**
 * The scale of a benchmark run. The quick mode checks that every part works and gives rough
 * figures in under two minutes; the full mode gives the figures of {@code BENCHMARKS.md}.
 *
 * @param mode {@code quick} or {@code full}
 * @param clients concurrent clients of the raw inserts, the commands and the tables
 * @param cities municipalities the commands and tables are spread over
 * @param items items of each municipality's plan
 * @param warmUp load before each timed phase, not counted
 * @param rawInserts how long the raw inserts run
 * @param commands how long the command mix runs
 * @param tables how long whole tables are entered
 * @param storeEvents events the store holds, at least, for the rebuild and the "as of" figures
 * @param asOfRequests "as of" requests timed
 * @param streamCommands commands timed from their answer to their envelope on Kafka
 */
record BenchOptions(String mode, int clients, int cities, int items, Duration warmUp, Duration rawInserts,
        Duration commands, Duration tables, long storeEvents, int asOfRequests, int streamCommands) {

    static final String USAGE = """
            Usage: ./local-stack bench [--quick] [--clients=N] [--events=N]
              starts its own PostgreSQL (durable), Kafka and both services on other ports than the local stack
              (data in bench-data, deleted first), loads through the REST API and prints one table of figures.
              --quick       every figure at a small scale, in under two minutes
              --clients=N   concurrent clients (default 8)
              --events=N    events stored for the rebuild and "as of" figures (default 1000000; quick 30000)
            """;

    static BenchOptions parse(String... args) {
        boolean quick = false;
        Integer clients = null;
        Long events = null;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value = equals < 0 ? "" : arg.substring(equals + 1);
            switch (name) {
                case "--quick" -> quick = true;
                case "--clients" -> clients = (int) positive(name, value, 256);
                case "--events" -> events = positive(name, value, 100_000_000);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        BenchOptions chosen = quick
                ? new BenchOptions("quick", 8, 16, 10, Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(8), Duration.ofSeconds(8), 30_000, 100, 200)
                : new BenchOptions("full", 8, 100, 20, Duration.ofSeconds(10), Duration.ofSeconds(20),
                        Duration.ofSeconds(60), Duration.ofSeconds(30), 1_000_000, 200, 1000);
        return new BenchOptions(chosen.mode, clients == null ? chosen.clients : clients, chosen.cities,
                chosen.items, chosen.warmUp, chosen.rawInserts, chosen.commands, chosen.tables,
                events == null ? chosen.storeEvents : events, chosen.asOfRequests, chosen.streamCommands);
    }

    private static long positive(String name, String value, long largest) {
        try {
            long number = Long.parseLong(value);
            if (number >= 1 && number <= largest) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number from 1 to " + largest + ", not " + value);
    }
}
