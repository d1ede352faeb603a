package jp.shinko.infra.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grows the event store to the size the rebuild, "as of" and cross-city figures need, by copying
 * cities entered through the API (the benchmark cities, and the seed cities where they were
 * entered) into further municipalities, codes 30000 and up, in SQL: through the API it would take
 * far longer than the figures it serves. Then waits until every processor of both services has
 * caught up with the copies.
 */
final class StoreScaleUp {

    private static final Pattern LAG = Pattern.compile("(?m)^shinko_processor_lag_events\\{[^}]*} ([0-9.E]+)$");
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

    private StoreScaleUp() {
    }

    static long events(String jdbcUrl, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from event_store.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** What the store holds after growing. */
    record Grown(long events, long municipalities) {
    }

    /**
     * Copies the templates' events, each city's whole history into a new municipality, taking the
     * templates in turn, until the store holds at least {@code targetEvents} events and
     * {@code targetMunicipalities} municipalities.
     */
    static Grown grow(String jdbcUrl, String user, List<String> templates, long targetEvents,
            long targetMunicipalities) throws SQLException {
        long events = events(jdbcUrl, user);
        long municipalities = municipalities(jdbcUrl, user);
        int next = 30000;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement()) {
            for (int copy = 0; events < targetEvents || municipalities < targetMunicipalities; copy++) {
                String city = templates.get(copy % templates.size());
                String code = BenchCities.withCheckDigit(next++);
                events += statement.executeUpdate("insert into event_store.domain_event_entry (event_identifier, "
                        + "aggregate_identifier, sequence_number, type, recorded_at, payload_type, "
                        + "payload_revision, payload, meta_data) "
                        + "select gen_random_uuid()::text, replace(aggregate_identifier, '" + city + "', '" + code
                        + "'), sequence_number, type, recorded_at, payload_type, payload_revision, "
                        + "convert_to(replace(convert_from(payload, 'UTF8'), '\"" + city + "\"', '\"" + code
                        + "\"'), 'UTF8'), meta_data "
                        + "from event_store.domain_event_entry where municipality_code = '" + city
                        + "' order by global_index");
                municipalities++;
            }
        }
        return new Grown(events(jdbcUrl, user), municipalities(jdbcUrl, user));
    }

    private static long municipalities(String jdbcUrl, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(distinct municipality_code) "
                        + "from event_store.domain_event_entry where municipality_code is not null")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Waits until no processor of either service lags behind the store's head. */
    static void awaitCaughtUp(BenchHttp http, List<URI> services, String adminToken)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            double lag = 0;
            for (URI service : services) {
                Matcher gauge = LAG.matcher(http.get(service.resolve("/actuator/prometheus"), adminToken).body());
                while (gauge.find()) {
                    lag += Double.parseDouble(gauge.group(1));
                }
            }
            if (lag == 0) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the processors did not catch up within " + CATCH_UP_TIMEOUT.toMinutes()
                + " min");
    }
}
