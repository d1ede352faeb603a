package jp.shinko.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.kafka.Topics;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Many writers across municipalities, while other transactions take global indexes and roll
 * back (gaps that never fill) and one holds its index for seconds before it commits (a gap that
 * fills late): every stored event of these municipalities is on the topic, each city's in the
 * order it was stored. Compared event id by event id with what a plain consumer reads. Codes
 * here are Tochigi's (09), which no other test uses.
 */
@CommandServiceTest
class RelayCompletenessTest {

    private static final List<String> CITIES = List.of("092011", "092029", "092037", "092045", "092053", "092061");
    private static final String LATE = "092088";
    private static final int WRITERS = 6;
    private static final int COMMANDS_PER_WRITER = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void everyStoredEventIsPublishedInItsCitysOrderDespiteGaps() throws Exception {
        RestTestClient admin = client(TestTokens.admin());
        for (String code : CITIES) {
            admin.post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", code, "name", "市" + code, "romanisedName", "City"))
                    .exchange().expectStatus().isCreated();
        }
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        CountDownLatch slowInsertHeld = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        work.add(threads.submit(() -> commitLate(slowInsertHeld)));
        slowInsertHeld.await(10, TimeUnit.SECONDS);
        work.add(threads.submit(this::rollBackInserts));
        for (int writer = 0; writer < WRITERS; writer++) {
            int number = writer;
            work.add(threads.submit(() -> write(number)));
        }
        for (Future<?> done : work) {
            done.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();

        Set<String> codes = new LinkedHashSet<>(CITIES);
        codes.add(LATE);
        Map<String, List<String>> stored = new HashMap<>();
        jdbc.sql("select municipality_code, event_identifier from event_store.domain_event_entry "
                        + "where municipality_code in (:codes) order by global_index")
                .param("codes", codes)
                .query((row, number) -> Map.entry(row.getString(1), row.getString(2)))
                .list()
                .forEach(event -> stored.computeIfAbsent(event.getKey(), code -> new ArrayList<>())
                        .add(event.getValue()));
        assertThat(stored.values().stream().mapToInt(List::size).sum())
                .isEqualTo(CITIES.size() + WRITERS * COMMANDS_PER_WRITER + 1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> published = published(codes);
            for (String code : codes) {
                assertThat(published.get(code)).as("events of " + code + " in the order they were stored, "
                        + "first deliveries only").isEqualTo(stored.get(code));
            }
        });
    }

    /** Each writer changes the reason codes of the cities in turn, through REST; none may be refused. */
    private void write(int writer) {
        for (int command = 0; command < COMMANDS_PER_WRITER; command++) {
            String code = CITIES.get((writer + command) % CITIES.size());
            client(TestTokens.of(new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null)))
                    .put().uri("/municipalities/{code}/reason-codes", code)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reasons", List.of(Map.of("code", "1", "label", "理由 " + writer + "-" + command))))
                    .exchange().expectStatus().isOk();
        }
    }

    /** Takes global indexes in transactions that roll back: gaps that never fill. */
    private void rollBackInserts() {
        for (int attempt = 0; attempt < 30; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                insertRegistration(connection, "099999" + attempt);
                connection.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Stores a registration whose transaction stays open until the writers have committed 30
     * events with later global indexes, which the relay reads past its own.
     */
    private void commitLate(CountDownLatch held) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long index = insertRegistration(connection, LATE);
            held.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from event_store."
                            + "domain_event_entry where global_index > :index and municipality_code in (:codes)")
                    .param("index", index).param("codes", CITIES).query(Long.class).single() >= 30);
            connection.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insertRegistration(Connection connection, String aggregateId) throws Exception {
        String code = aggregateId.substring(0, 6);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, recorded_at, payload_type, payload_revision, payload, meta_data)
                values (?, ?, 0, 'Municipality', ?, 'MunicipalityRegistered', '1', ?, ?)
                returning global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregateId);
            insert.setObject(3, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            insert.setBytes(4, ("{\"municipalityCode\":\"" + code + "\",\"name\":\"遅市\",\"romanisedName\":\"Late\"}")
                    .getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{\"commandId\":\"late\"}".getBytes(StandardCharsets.UTF_8));
            try (ResultSet stored = insert.executeQuery()) {
                stored.next();
                return stored.getLong(1);
            }
        }
    }

    /** The event ids on the topic per municipality, each at its first delivery. */
    private static Map<String, List<String>> published(Set<String> codes) {
        List<ConsumerRecord<String, IntegrationEnvelope>> records = TopicReader.readAll(
                TestInfrastructure.kafkaBootstrapServers(), Topics.INTEGRATION_EVENTS.name(),
                Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                Topics.INTEGRATION_EVENTS.valueSerde().deserializer());
        return records.stream()
                .filter(record -> codes.contains(record.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
                        record -> record.value().eventId(),
                        Collectors.collectingAndThen(Collectors.toCollection(LinkedHashSet::new), ArrayList::new))));
    }

    private RestTestClient client(String token) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
