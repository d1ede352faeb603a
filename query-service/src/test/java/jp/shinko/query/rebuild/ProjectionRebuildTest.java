package jp.shinko.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import jp.shinko.query.position.ProjectionPositions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuild replays every event stored (this test's and every other test's so far) into empty
 * tables, keeps answering queries with the tables as they stood, and ends with every projection
 * table identical to before, row for row. Iwate's municipalities (03) are this test's own.
 */
@QueryServiceTest
class ProjectionRebuildTest {

    private static final MunicipalityCode MORIOKA = MunicipalityCode.of("032018");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ProjectionPositions positions;

    @Autowired
    StoredPositions storedPositions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRebuildKeepsAnsweringAndEndsWithTheSameTables() {
        storeAPlanWithFiguresAndStatuses();
        RestTestClient admin = client(TestTokens.admin());
        RestTestClient viewer = client(TestTokens.of(new Actor("viewer", Role.MUNICIPAL_VIEWER, MORIOKA, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> !status(admin).path("state").asString().equals("running")
                && positions.haveProcessed(storedPositions.head()));
        Map<String, String> before = checksums();
        String tableBefore = annual(viewer);
        assertThat(JSON.readTree(tableBefore).path("items").path(0).path("years")).hasSize(3);

        JsonNode started = JSON.readTree(admin.post().uri("/admin/projections/rebuild").exchange()
                .expectStatus().isAccepted().returnResult(String.class).getResponseBody());
        assertThat(started.path("processors").valueStream().map(JsonNode::asString).toList())
                .containsExactly("progress");
        assertThat(started.path("totalEvents").asLong()).isGreaterThanOrEqualTo(storedPositions.head());
        assertThat(annual(viewer)).as("the table while the rebuild runs, or once it is done").isEqualTo(tableBefore);

        JsonNode done = await().atMost(Duration.ofSeconds(120)).until(() -> status(admin),
                status -> status.path("state").asString().equals("done"));
        assertThat(done.path("doneEvents").asLong()).isEqualTo(done.path("totalEvents").asLong());
        assertThat(done.path("startedBy").asString()).isEqualTo("test-admin");
        assertThat(checksums()).isEqualTo(before);
        assertThat(annual(viewer)).isEqualTo(tableBefore);
        admin.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("shinko_rebuild_events_to_replay", "shinko_rebuild_events_done",
                                "shinko_rebuild_events_per_second", "shinko_rebuild_remaining_seconds",
                                "shinko_rebuild_running"));
    }

    /**
     * An MD5 of every projection table's rows in a stable order, per table; of the plans' digests,
     * which plans have one: a rebuild gives every plan a new version and leaves its digest to be
     * computed when next read.
     */
    private Map<String, String> checksums() {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : ProjectionTables.ALL) {
            String rows = table.equals("plan_digest") ? "(select municipality_code, plan_id from query." + table + ")"
                    : "query." + table;
            checksums.put(table, jdbc.sql("select coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') "
                    + "from " + rows + " t").query(String.class).single());
        }
        return checksums;
    }

    private void storeAPlanWithFiguresAndStatuses() {
        StoredEvents.append("Municipality", MORIOKA.value(), 0,
                List.of(new MunicipalityRegistered(MORIOKA, "盛岡市", "Morioka")));
        List<Object> events = new ArrayList<>(List.of(
                new PlanAdopted(MORIOKA, PlanId.of("p"), "盛岡市商工観光ビジョン", FiscalYear.of(2023), FiscalYear.of(2026)),
                new PlanItemAdded(MORIOKA, PlanId.of("p"), ItemId.of("i"), null, new PlanItemContent("1", "創業支援",
                        List.of("経済企画課"),
                        null, null, List.of("若者"), null, null)),
                new IndicatorDefined(MORIOKA, PlanId.of("p"), ItemId.of("i"), "創業件数", "件", BigDecimal.valueOf(40),
                        FiscalYear.of(2022))));
        for (int year = 2023; year <= 2025; year++) {
            events.add(new AnnualTargetSet(MORIOKA, PlanId.of("p"), ItemId.of("i"), FiscalYear.of(year),
                    BigDecimal.valueOf(50), "件", null));
            events.add(new AnnualActualRecorded(MORIOKA, PlanId.of("p"), ItemId.of("i"), FiscalYear.of(year),
                    BigDecimal.valueOf(30 + 10 * (year - 2023)), "件", null));
            for (int quarter = 1; quarter <= 4; quarter++) {
                events.add(new PeriodStatusRecorded(MORIOKA, PlanId.of("p"), ItemId.of("i"), "経済企画課",
                        FiscalYear.of(year),
                        Quarter.of(quarter), "○", null, null, null));
            }
        }
        StoredEvents.append("Plan", MORIOKA.value() + ":plan:p", 0, events);
    }

    private String annual(RestTestClient viewer) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> viewer.get()
                        .uri("/municipalities/{code}/plans/p/progress/annual", MORIOKA.value()).exchange()
                        .returnResult(String.class),
                result -> result.getStatus().value() == 200).getResponseBody();
    }

    private static JsonNode status(RestTestClient admin) {
        return JSON.readTree(admin.get().uri("/admin/projections/rebuild").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    private RestTestClient client(String token) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
