package jp.shinko.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.integration.IntegrationEnvelope;
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
 * An admin has the events recorded since a time published again: they arrive a second time with
 * the same event ids, and a time after the last event moves the relay nowhere, so nothing it
 * has not yet published is skipped. Codes here are Gunma's (10), which no other test uses.
 */
@CommandServiceTest
class RelayRepublishTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsRecordedSinceATimeArePublishedAgainWithTheirIds() {
        RestTestClient admin = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
        admin.post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "102016", "name", "前橋市", "romanisedName", "Maebashi"))
                .exchange().expectStatus().isCreated();
        List<ConsumerRecord<String, IntegrationEnvelope>> once = await().atMost(Duration.ofSeconds(30))
                .until(() -> published("102016"), records -> records.size() == 1);
        OffsetDateTime recordedAt = jdbc.sql("select recorded_at from event_store.domain_event_entry "
                + "where aggregate_identifier = ?").param("102016").query(OffsetDateTime.class).single();

        admin.post().uri("/admin/relay/republish?from={from}",
                        recordedAt.withOffsetSameInstant(ZoneOffset.ofHours(9)).toString())
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.events").value(Integer.class, events -> assertThat(events).isPositive());

        List<ConsumerRecord<String, IntegrationEnvelope>> twice = await().atMost(Duration.ofSeconds(30))
                .until(() -> published("102016"), records -> records.size() == 2);
        assertThat(twice).extracting(record -> record.value().eventId())
                .containsOnly(once.get(0).value().eventId());
    }

    @Test
    void aTimeAfterTheLastEventSkipsNothing() {
        RestTestClient admin = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
        admin.post().uri("/admin/relay/republish?from=2099-01-01").exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.events").isEqualTo(0);
        admin.post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "102024", "name", "高崎市", "romanisedName", "Takasaki"))
                .exchange().expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(30)).until(() -> published("102024"), records -> records.size() == 1);
    }

    @Test
    void aFromThatIsNoTimeIsABadRequestNamingIt() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build()
                .post().uri("/admin/relay/republish?from=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    private static List<ConsumerRecord<String, IntegrationEnvelope>> published(String code) {
        return TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(), Topics.INTEGRATION_EVENTS.name(),
                        Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                        Topics.INTEGRATION_EVENTS.valueSerde().deserializer())
                .stream().filter(record -> record.key().equals(code)).toList();
    }
}
