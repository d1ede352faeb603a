package jp.shinko.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.progress.NarrativeRevised;
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
 * The largest events the API accepts (every text at its limit, every list full, every
 * character four bytes in UTF-8) are stored and published whole: no accepted request can make
 * an event the relay cannot send. Osaka's (27) code is this test's own.
 */
@CommandServiceTest
class LargestEventTest {

    private static final String CODE = "271004";
    /** 𠮷, outside the Basic Multilingual Plane: four bytes in UTF-8, two chars in Java. */
    private static final String WIDE = "\uD842\uDFB7";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLargestAcceptedEventsAreStoredAndPublishedWhole() {
        RestTestClient admin = client(TestTokens.admin());
        admin.post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", CODE, "name", "大阪市", "romanisedName", "Osaka")).exchange()
                .expectStatus().isCreated();
        RestTestClient editor = client(TestTokens.of(new Actor("osaka", Role.MUNICIPAL_EDITOR,
                MunicipalityCode.of(CODE), null)));
        String plan = "/municipalities/" + CODE + "/plans/p";
        editor.post().uri("/municipalities/" + CODE + "/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "p", "name", wide(200), "fromFiscalYear", "R5", "toFiscalYear", "R8")).exchange()
                .expectStatus().isCreated();
        String title = wide(400);
        editor.post().uri(plan + "/items").contentType(MediaType.APPLICATION_JSON).body(Map.of(
                "id", "i".repeat(64), "content", Map.of(
                        "number", wide(20), "title", title,
                        "responsibleOrganisations", distinct(20, 60),
                        "focusThemes", distinct(20, 40),
                        "flags", List.of("重点事業", "新規事業"),
                        "pageReference", wide(20)))).exchange()
                .expectStatus().isCreated();
        String results = wide(4000);
        editor.put().uri(plan + "/items/" + "i".repeat(64) + "/narratives/R5").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("results", results)).exchange()
                .expectStatus().isOk();

        int largest = jdbc.sql("select max(length(payload)) from event_store.domain_event_entry "
                + "where municipality_code = ?").param(CODE).query(Integer.class).single();
        System.out.println("The largest event the API accepted here: " + largest + " bytes");
        assertThat(largest).isGreaterThan(16_000).isLessThan(256 * 1024);

        List<IntegrationEnvelope> published = await().atMost(Duration.ofSeconds(30)).until(this::published,
                envelopes -> envelopes.size() == 4);
        assertThat(published).anySatisfy(envelope -> assertThat(envelope.payload())
                .isInstanceOfSatisfying(PlanItemAdded.class, added -> assertThat(added.content().title())
                        .isEqualTo(title)));
        assertThat(published).anySatisfy(envelope -> assertThat(envelope.payload())
                .isInstanceOfSatisfying(NarrativeRevised.class, revised -> assertThat(revised.text())
                        .isEqualTo(results)));
    }

    private List<IntegrationEnvelope> published() {
        return TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(), Topics.INTEGRATION_EVENTS.name(),
                        Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                        Topics.INTEGRATION_EVENTS.valueSerde().deserializer())
                .stream().filter(record -> record.key().equals(CODE)).map(ConsumerRecord::value).toList();
    }

    /** Texts of {@code length} four-byte characters, each list entry different. */
    private static List<String> distinct(int count, int length) {
        return IntStream.range(0, count).mapToObj(index -> wide(length - 1) + (char) ('A' + index)).toList();
    }

    private static String wide(int characters) {
        return WIDE.repeat(characters);
    }

    private RestTestClient client(String token) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
