package jp.shinko.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.infra.testsupport.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.StatusAssertions;

/**
 * A plan this instance holds in memory while another instance appends to it: every command is
 * decided against what the store holds. "Another instance" appends through the storage engine
 * alone, as a second process would: nothing of it reaches this instance's cache. Codes here are
 * Akita's (05), which no other test uses.
 */
@CommandServiceTest
class UpToDateAggregatesTest {

    private static final String CODE = "052019";
    private static final String PLAN = CODE + ":plan:p";
    private static final String TARGET = "/municipalities/" + CODE + "/plans/p/items/a/annual-targets/R5";

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    JdbcClient jdbc;

    RestTestClient editor;

    @BeforeEach
    void setUp() {
        String token = TestTokens.of(new Actor("akita-editor", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(CODE),
                null));
        editor = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @Test
    void aWriteOfAnotherInstanceIsSeenBeforeTheNextCommandDecides() {
        register();
        send("POST", "/municipalities/" + CODE + "/plans",
                Map.of("id", "p", "name", "計画", "fromFiscalYear", "R5", "toFiscalYear", "R6")).isCreated();
        send("POST", "/municipalities/" + CODE + "/plans/p/items", Map.of("id", "a", "content",
                Map.of("number", "1", "title", "セミナー", "responsibleOrganisations", List.of("産業振興課")))).isCreated();
        send("PUT", "/municipalities/" + CODE + "/plans/p/items/a/indicator", Map.of("name", "参加者数", "unit", "人"))
                .isOk();
        send("PUT", TARGET, Map.of("value", 10, "unit", "人")).isOk();

        long last = lastSequence();
        storage.appendEvents(List.of(new GenericDomainEventMessage<>("Plan", PLAN, last + 1,
                new AnnualTargetSet(MunicipalityCode.of(CODE), PlanId.of("p"), ItemId.of("a"), FiscalYear.of(2023),
                        new BigDecimal("15"), "人", null))));

        editor.put().uri(TARGET).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 10, "unit", "人", "expectedVersion", 2)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.changed").isEqualTo(true)
                .jsonPath("$.version").isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from event_store.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'AnnualTargetSet'").param(PLAN).query(Long.class).single()).isEqualTo(3);
        assertThat(lastSequence()).isEqualTo(last + 2);
    }

    private long lastSequence() {
        return jdbc.sql("select max(sequence_number) from event_store.domain_event_entry "
                + "where aggregate_identifier = ?").param(PLAN).query(Long.class).single();
    }

    private void register() {
        String admin = TestTokens.admin();
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/municipalities").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", CODE, "name", "秋田市", "romanisedName", "Akita")).exchange()
                .expectStatus().isCreated();
    }

    private StatusAssertions send(String method, String uri, Object body) {
        return editor.method(HttpMethod.valueOf(method)).uri(uri)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus();
    }
}
