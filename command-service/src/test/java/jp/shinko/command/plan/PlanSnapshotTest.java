package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.TestTokens;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A plan loaded from its snapshot is the plan its events make: every part of its state (tree,
 * retired and moved items, indicators, figures, statuses, sheets, KPIs, closed years, entry
 * versions) survives the snapshot, and the rules still hold after the plan leaves the cache.
 * The tests' configuration snapshots every 50 events; the code is Chiba's 123013, used by no
 * other test.
 */
@CommandServiceTest
class PlanSnapshotTest {

    private static final String CODE = "123013";
    private static final String RECORD = CODE + ":plan:p";
    private static final String PLAN = "/municipalities/" + CODE + "/plans/p";

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    Cache aggregateCache;

    @Autowired
    Snapshotter snapshotter;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPlanFromItsSnapshotEqualsThePlanFromItsEventsAndKeepsItsRules() {
        RestTestClient clerk = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("clerk",
                        Role.MUNICIPAL_EDITOR, MunicipalityCode.of(CODE), null)))
                .build();
        clerk.post().uri("/municipalities").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", CODE, "name", "千葉県の市", "romanisedName", "Chiba")).exchange()
                .expectStatus().isCreated();
        send(clerk, "POST", "/municipalities/" + CODE + "/plans",
                Map.of("id", "p", "name", "商工業振興プラン", "fromFiscalYear", "R5", "toFiscalYear", "R9"));
        send(clerk, "POST", PLAN + "/items", Map.of("id", "d1", "content", item("1", "創業支援")));
        send(clerk, "POST", PLAN + "/items", Map.of("id", "b1", "parentItemId", "d1", "content", Map.of(
                "number", "1", "title", "創業塾", "responsibleOrganisations", List.of("商工観光課"),
                "flags", List.of("★重点事業"), "focusThemes", List.of("DX"))));
        send(clerk, "POST", PLAN + "/items", Map.of("id", "b2", "parentItemId", "d1", "content", Map.of(
                "number", "2", "title", "創業塾(再掲)", "responsibleOrganisations", List.of("商工観光課"),
                "reportedWithItemId", "b1")));
        send(clerk, "POST", PLAN + "/items", Map.of("id", "b3", "parentItemId", "d1", "content", item("3", "空き店舗対策")));
        send(clerk, "POST", PLAN + "/items/b3/retire", Map.of("reason", "統合"));
        send(clerk, "POST", PLAN + "/items/b2/move", Map.of("parentItemId", "d1", "number", "4"));
        send(clerk, "PUT", PLAN + "/items/b1/indicator", Map.of("name", "参加者数", "unit", "人",
                "baseline", Map.of("value", 10, "fiscalYear", "R4")));
        for (String year : List.of("R5", "R6", "R7")) {
            send(clerk, "PUT", PLAN + "/items/b1/annual-targets/" + year, Map.of("value", 20, "unit", "人"));
        }
        send(clerk, "PUT", PLAN + "/items/b1/annual-actuals/R5", Map.of("value", 11, "unit", "人"));
        send(clerk, "PUT", PLAN + "/items/b1/period-status/R5/4",
                Map.of("organisation", "商工観光課", "symbol", "△", "reasonCode", "3", "remark", "講師の都合"));
        send(clerk, "PUT", PLAN + "/items/b1/narratives/R5", Map.of("results", "11人が受講", "issuesAhead", "周知"));
        send(clerk, "PUT", PLAN + "/kpis/openings", Map.of("name", "開業数", "unit", "件",
                "baseline", Map.of("value", 120, "fromYear", 2021), "target", Map.of("kind", "direction",
                        "increase", true, "byYear", 2027)));
        send(clerk, "POST", PLAN + "/kpis/openings/observations",
                Map.of("figure", Map.of("value", 131, "fromYear", 2023), "publishedOn", "2024-12-19"));
        send(clerk, "POST", PLAN + "/fiscal-years/R5/close", Map.of("councilReportedOn", "2024-06-20"));
        send(clerk, "PUT", PLAN + "/items/b1/annual-actuals/R5",
                Map.of("value", 12, "unit", "人", "correctionReason", "集計漏れ"));
        for (int remark = 1; remark <= 60; remark++) {
            send(clerk, "PUT", PLAN + "/items/b1/period-status/R6/" + (remark % 4 + 1),
                    Map.of("organisation", "商工観光課", "symbol", "○", "remark", "第" + remark + "版"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> storage.readSnapshot(RECORD).isPresent());
        long lastSequence = storage.lastSequenceNumberFor(RECORD).orElseThrow();
        snapshotter.scheduleSnapshot(Plan.class, RECORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> storage.readSnapshot(RECORD)
                .map(DomainEventMessage::getSequenceNumber).orElse(-1L) == lastSequence);
        DomainEventMessage<?> snapshot = storage.readSnapshot(RECORD).orElseThrow();

        assertThat(snapshot.getPayload()).usingRecursiveComparison()
                .isEqualTo(planFromEvents(snapshot.getSequenceNumber()));
        assertThat(jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb -> 'tree' -> 'items' -> 'b3' ->> 'retired'
                        from event_store.snapshot_event_entry where aggregate_identifier = ?""")
                .param(RECORD).query(String.class).single()).isEqualTo("true");

        aggregateCache.remove(RECORD);
        clerk.put().uri(PLAN + "/items/b1/annual-actuals/R5").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 13, "unit", "人")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("correctionReason");
        clerk.put().uri(PLAN + "/items/b1/period-status/R5/4").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("organisation", "商工観光課", "symbol", "○", "expectedVersion", 0,
                        "correctionReason", "誤記")).exchange()
                .expectStatus().isEqualTo(409);
        clerk.post().uri(PLAN + "/items").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "b4", "parentItemId", "d1", "content", item("4", "x")))
                .exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("number");
        clerk.post().uri(PLAN + "/items").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "b4", "parentItemId", "b3", "content", item("1", "x")))
                .exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("parentItemId");

        // a snapshot of another shape (an earlier revision of Plan) is not read: the plan comes from its events
        jdbc.sql("""
                        update event_store.snapshot_event_entry set payload_revision = '1',
                        payload = convert_to('{"recordId":"x"}', 'UTF8') where aggregate_identifier = ?""")
                .param(RECORD).update();
        aggregateCache.remove(RECORD);
        clerk.put().uri(PLAN + "/items/b1/annual-actuals/R6").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 14, "unit", "人", "expectedVersion", 0)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        clerk.put().uri(PLAN + "/items/b1/annual-actuals/R5").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 13, "unit", "人")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("correctionReason");
    }

    /** The plan as Axon would build it from its events alone, up to and including a sequence number. */
    private Plan planFromEvents(long lastSequence) {
        EventSourcedAggregate<Plan> plan = EventSourcedAggregate.initialize(new Plan(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Plan.class), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        List<? extends DomainEventMessage<?>> events = storage.readEvents(RECORD, 0).asStream()
                .filter(event -> event.getSequenceNumber() <= lastSequence).toList();
        plan.initializeState(DomainEventStream.of(events.stream()));
        return plan.getAggregateRoot();
    }

    private static Map<String, Object> item(String number, String title) {
        return Map.of("number", number, "title", title, "responsibleOrganisations", List.of("商工観光課"));
    }

    private static void send(RestTestClient clerk, String method, String path, Object body) {
        (method.equals("PUT") ? clerk.put() : clerk.post()).uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectBody(String.class).consumeWith(answer -> assertThat(answer.getStatus().is2xxSuccessful())
                        .as("%s %s: %s", method, path, answer.getResponseBody()).isTrue());
    }
}
