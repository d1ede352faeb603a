package jp.shinko.query.crosscity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import jp.shinko.query.rows.CityRows;
import jp.shinko.query.rows.JdbcProgressRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plans' digests kept for the live views across cities: a digest read once is kept, and a
 * change to the plan's rows is in the next answer all the same. Each test has a Yamagata (06)
 * municipality of its own, which no other test uses; its plan is of FY2019, long overdue.
 */
@QueryServiceTest
class PlanDigestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    PlanDigests digests;

    @Autowired
    JdbcProgressRows rows;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportOrAThemeAddedAfterTheTalliesWereReadIsInTheNextAnswer() {
        MunicipalityCode kaminoyama = MunicipalityCode.of("062073");
        storePlan(kaminoyama, "上山市");
        String overdue = "/cross-city/missing-reports/by-municipality?municipality=" + kaminoyama;
        String themes = "/cross-city/focus-themes/by-theme?municipality=" + kaminoyama;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(overdue).path("items").path(0)
                .path("statuses").asLong()).as("quarters 2 to 4 of the one row").isEqualTo(3));
        assertThat(get(themes).path("items").path(0).path("theme").asString()).isEqualTo("DX");
        assertThat(digestKept(kaminoyama)).as("kept once read").isTrue();

        StoredEvents.append("Plan", kaminoyama.value() + ":plan:p", 3, List.of(status(kaminoyama, 2),
                new PlanItemAdded(kaminoyama, PlanId.of("p"), ItemId.of("b"), null, new PlanItemContent("2", "創業支援",
                        List.of("商工課"), null, null, List.of("創業"), null, null))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(themes).path("items")
                .valueStream().map(theme -> theme.path("theme").asString()).toList()).containsExactly("DX", "創業"));
        assertThat(get(overdue).path("items").path(0).path("statuses").asLong())
                .as("quarter 2 reported; every quarter of the new row overdue").isEqualTo(2 + 4);
        assertThat(get("/cross-city/missing-reports?municipality=" + kaminoyama).path("totalItems").asInt())
                .as("the list has what the tally counts").isEqualTo(6);
    }

    @Test
    void aDigestOfRowsThatChangedWhileItWasComputedIsNotKept() {
        MunicipalityCode tendo = MunicipalityCode.of("062103");
        storePlan(tendo, "天童市");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from query.plan_digest where municipality_code = ?::char(6)")
                        .param(tendo.value()).query(Integer.class).single()).isOne());
        AtomicBoolean changed = new AtomicBoolean();
        CityRows live = rows.forQueries();
        CityRows changingMeanwhile = (CityRows) Proxy.newProxyInstance(CityRows.class.getClassLoader(),
                new Class<?>[] {CityRows.class}, (proxy, method, arguments) -> {
                    if (changed.compareAndSet(false, true)) { // the plan's rows change as its digest is computed
                        long version = version(tendo);
                        StoredEvents.append("Plan", tendo.value() + ":plan:p", 3, List.of(status(tendo, 2)));
                        await().atMost(Duration.ofSeconds(30)).until(() -> version(tendo) != version);
                    }
                    try {
                        return method.invoke(live, arguments);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });

        List<PlanDigest.Of> computed = digests.live(changingMeanwhile, Optional.of(tendo));

        assertThat(computed).hasSize(1);
        assertThat(changed).isTrue();
        assertThat(digestKept(tendo)).as("computed under a version that is no longer the plan's").isFalse();
        assertThat(digests.live(live, Optional.of(tendo)).get(0).digest().gaps())
                .as("computed again: quarters 3 and 4 of FY2019, and no actual expected without an indicator")
                .extracting(PlanDigest.ReportGap::quarter, PlanDigest.ReportGap::count)
                .containsExactly(tuple(3, 1L), tuple(4, 1L));
        assertThat(digestKept(tendo)).as("kept, now that nothing changed meanwhile").isTrue();
    }

    /** A quarterly plan of FY2019 with one row, reported for the first quarter only. */
    private static void storePlan(MunicipalityCode city, String name) {
        StoredEvents.append("Municipality", city.value(), 0, List.of(new MunicipalityRegistered(city, name, name)));
        StoredEvents.append("Plan", city.value() + ":plan:p", 0, List.of(
                new PlanAdopted(city, PlanId.of("p"), name + "産業振興計画", FiscalYear.of(2019), FiscalYear.of(2019)),
                new PlanItemAdded(city, PlanId.of("p"), ItemId.of("a"), null, new PlanItemContent("1", "販路開拓",
                        List.of("商工課"), null, null, List.of("DX"), null, null)),
                status(city, 1)));
    }

    private static PeriodStatusRecorded status(MunicipalityCode city, int quarter) {
        return new PeriodStatusRecorded(city, PlanId.of("p"), ItemId.of("a"), "商工課", FiscalYear.of(2019),
                Quarter.of(quarter), "○", null, null, null);
    }

    private long version(MunicipalityCode city) {
        return jdbc.sql("select version from query.plan_digest where municipality_code = ?::char(6)")
                .param(city.value()).query(Long.class).single();
    }

    private boolean digestKept(MunicipalityCode city) {
        return jdbc.sql("select count(*) from query.plan_digest where municipality_code = ?::char(6) "
                        + "and digest is not null")
                .param(city.value()).query(Integer.class).single() == 1;
    }

    private JsonNode get(String path) {
        return JSON.readTree(RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer "
                        + TestTokens.of(new Actor("analyst", Role.METRO_ANALYST, null, null))).build()
                .get().uri(path).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody());
    }
}
