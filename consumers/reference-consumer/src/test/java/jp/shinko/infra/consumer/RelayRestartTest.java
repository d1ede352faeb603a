package jp.shinko.infra.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command service, and with it the relay, killed (SIGKILL) while it is publishing a backlog
 * of events, then started again: every stored event is on the topic in order; events published
 * again after the crash carry the same event ids, and the reference consumer counts and ignores
 * them. Chiyoda (131016) is this test's own municipality.
 */
class RelayRestartTest {

    private static final String CITY = "131016";
    private static final int BACKLOG = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void nothingIsMissingAfterACrashMidStreamAndRepeatsKeepTheirIds() throws Exception {
        send("POST", "/municipalities", TestTokens.admin(), "register-" + CITY,
                Map.of("code", CITY, "name", "千代田区", "romanisedName", "Chiyoda"));
        changeReasonCodes("before");
        storeBacklog();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> publishedEventIds().size() > 1_000);

        CommandServiceProcess.crash();
        int publishedAtCrash = publishedEventIds().size();
        assertThat(publishedAtCrash).as("the relay was killed with part of the backlog still to publish")
                .isLessThan(BACKLOG);
        CommandServiceProcess.restart();
        for (int change = 0; change < 20; change++) {
            changeReasonCodes("after-" + change);
        }

        List<String> stored = storedEventIds();
        assertThat(stored).hasSize(1 + 1 + BACKLOG + 20);
        List<String> published = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(this::publishedEventIds, ids -> new LinkedHashSet<>(ids).size() == stored.size());
        assertThat(new ArrayList<>(new LinkedHashSet<>(published))).as("first deliveries, in stored order")
                .isEqualTo(stored);

        try (ReferenceConsumer reader = new ReferenceConsumer(TestInfrastructure.kafkaBootstrapServers(),
                "restart-test")) {
            reader.readUntilCaughtUp(Duration.ofSeconds(60));
            long repeats = published.size() - stored.size();
            System.out.println("relay crash after " + publishedAtCrash + " envelopes: " + repeats + " of "
                    + published.size() + " envelopes were repeats");
            assertThat(reader.summary().duplicates()).as("repeats seen by the reference consumer")
                    .isGreaterThanOrEqualTo(repeats);
        }
    }

    private static void changeReasonCodes(String change) {
        String clerk = TestTokens.of(new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(CITY), null));
        send("PUT", "/municipalities/" + CITY + "/reason-codes", clerk, "reasons-" + change,
                Map.of("reasons", List.of(Map.of("code", "1", "label", "理由 " + change))));
    }

    /**
     * Stores, in one transaction as a bulk import would, copies of the city's last event under
     * new ids and the next sequence numbers: a backlog the relay needs seconds to publish.
     */
    private static void storeBacklog() throws Exception {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, recorded_at, payload_type, payload_revision, payload, meta_data)
                select gen_random_uuid()::text, aggregate_identifier, sequence_number + copies.n, type, recorded_at,
                    payload_type, payload_revision, payload, meta_data
                from event_store.domain_event_entry, generate_series(1, ?) copies(n)
                where aggregate_identifier = ? and sequence_number = 1""")) {
            insert.setInt(1, BACKLOG);
            insert.setString(2, CITY);
            assertThat(insert.executeUpdate()).isEqualTo(BACKLOG);
        }
    }

    /** Sends a command, again with the same key while the service is down or starting. */
    private static void send(String method, String path, String token, String key, Object body) {
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> HTTP.send(HttpRequest.newBuilder(
                        CommandServiceProcess.baseUrl().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() < 300);
    }

    private static List<String> storedEventIds() throws Exception {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select event_identifier from event_store.domain_event_entry where municipality_code = ? "
                        + "order by global_index")) {
            query.setString(1, CITY);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static Connection connect() throws Exception {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private List<String> publishedEventIds() {
        return TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(), ReferenceConsumer.TOPIC,
                        new StringDeserializer(), new StringDeserializer()).stream()
                .filter(record -> record.key().equals(CITY))
                .map(ConsumerRecord::value)
                .map(value -> JSON.readTree(value).path("eventId").asString())
                .toList();
    }
}
