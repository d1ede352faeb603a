package jp.shinko.infra.localstack.bench;

import java.time.Duration;

/**
 * The scale of a benchmark run. The quick mode checks that every part works and gives rough
 * figures in under two minutes; the full mode gives the figures of {@code BENCHMARKS.md}; the
 * national mode ({@code --municipalities=N}) grows the store to as many municipalities as a
 * country has, each a copy of a city entered through the API (the seed cities' plans as the
 * demo data enters them, and benchmark cities with ten fiscal years of tables).
 *
 * @param mode {@code quick}, {@code full} or {@code national}
 * @param clients concurrent clients of the raw inserts, the commands and the tables
 * @param cities municipalities the commands and tables are spread over
 * @param items items of each municipality's plan
 * @param years fiscal years of each benchmark city's plan
 * @param warmUp load before each timed phase, not counted
 * @param rawInserts how long the raw inserts run
 * @param commands how long the command mix runs
 * @param tables how long whole tables are entered
 * @param storeEvents events the store holds, at least, for the rebuild and the "as of" figures
 * @param municipalities municipalities the store holds, at least, after it has grown (0: only the cities)
 * @param asOfRequests "as of" requests timed
 * @param streamCommands commands timed from their answer to their envelope on Kafka
 * @param crossCityRequests live cross-city summaries timed
 * @param pastCrossCityRequests cross-city summaries and missing reports "as of" a past instant timed, each
 * @param pageRounds requests per screen timed
 */
record BenchOptions(String mode, int clients, int cities, int items, int years, Duration warmUp,
        Duration rawInserts, Duration commands, Duration tables, long storeEvents, int municipalities,
        int asOfRequests, int streamCommands, int crossCityRequests, int pastCrossCityRequests, int pageRounds) {

    static final String USAGE = """
            Usage: ./local-stack bench [--quick] [--clients=N] [--events=N] [--municipalities=N]
              starts its own PostgreSQL (durable), Kafka and both services on other ports than the local stack
              (data in bench-data, deleted first), loads through the REST API and prints one table of figures.
              --quick             every figure at a small scale, in under two minutes
              --clients=N         concurrent clients (default 8)
              --events=N          events stored for the rebuild and "as of" figures (default 1000000; quick 30000;
                                  national 3000000)
              --municipalities=N  national scale: the store grows to N municipalities (Japan has 1741), the seed
                                  cities' plans and benchmark cities with ten fiscal years among them
            """;

    /** Benchmark cities' plans run over four fiscal years, or ten at national scale. */
    static final int YEARS = 4;
    static final int NATIONAL_YEARS = 10;

    static BenchOptions parse(String... args) {
        boolean quick = false;
        Integer clients = null;
        Long events = null;
        Integer municipalities = null;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value = equals < 0 ? "" : arg.substring(equals + 1);
            switch (name) {
                case "--quick" -> quick = true;
                case "--clients" -> clients = (int) positive(name, value, 256);
                case "--events" -> events = positive(name, value, 100_000_000);
                case "--municipalities" -> municipalities = (int) positive(name, value, 100_000);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (quick && municipalities != null) {
            throw new IllegalArgumentException("--quick and --municipalities do not go together");
        }
        BenchOptions chosen = quick
                ? new BenchOptions("quick", 8, 16, 10, YEARS, Duration.ofSeconds(1), Duration.ofSeconds(3),
                        Duration.ofSeconds(5), Duration.ofSeconds(5), 30_000, 0, 50, 100, 10, 2, 5)
                : municipalities == null
                ? new BenchOptions("full", 8, 100, 20, YEARS, Duration.ofSeconds(10), Duration.ofSeconds(20),
                        Duration.ofSeconds(60), Duration.ofSeconds(30), 1_000_000, 0, 200, 1000, 50, 3, 20)
                : new BenchOptions("national", 8, 100, 20, NATIONAL_YEARS, Duration.ofSeconds(10),
                        Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(30), 3_000_000,
                        municipalities, 200, 1000, 50, 3, 20);
        return new BenchOptions(chosen.mode, clients == null ? chosen.clients : clients, chosen.cities,
                chosen.items, chosen.years, chosen.warmUp, chosen.rawInserts, chosen.commands, chosen.tables,
                events == null ? chosen.storeEvents : events, chosen.municipalities, chosen.asOfRequests,
                chosen.streamCommands, chosen.crossCityRequests, chosen.pastCrossCityRequests, chosen.pageRounds);
    }

    /** Whether the seed cities are entered too, as templates of the national store and for the screens' figure. */
    boolean seedCities() {
        return !mode.equals("quick");
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
