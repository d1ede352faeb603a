package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A plan's tree through the REST API on real PostgreSQL: what a city enters is stored as
 * events, and each broken rule is a 4xx naming the field, with nothing stored. Codes here are
 * Chiba's (12), which no other test uses.
 */
@CommandServiceTest
class PlanApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aCityEntersItsPlanAndTreeAndEachItemAnswersItsVersion() {
        String code = "121002";
        adopt(code, "shoko-2023", "R5", "令和8").expectStatus().isCreated()
                .expectBody().jsonPath("$.planId").isEqualTo("shoko-2023");
        addItem(code, "shoko-2023", Map.of("id", "d1", "content", content("1", "地域経済循環の担い手となる事業者の育成")))
                .expectStatus().isCreated();
        addItem(code, "shoko-2023", Map.of("id", "m1", "parentItemId", "d1",
                "content", content("1", "事業承継の促進"))).expectStatus().isCreated();
        Map<String, Object> seminar = new HashMap<>(content("1", "事業承継セミナー(参加者数)"));
        seminar.putAll(Map.of("responsibleOrganisations", List.of("Bi@Sta"), "outlook", "継続",
                "flags", List.of("【新規事業】", "★重点事業"), "focusThemes", List.of("DX"), "pageReference", "P.33"));
        addItem(code, "shoko-2023", Map.of("id", "b1", "parentItemId", "m1", "content", seminar))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(1);

        put(code, "/plans/shoko-2023/items/b1", Map.of("content", content("1", "事業承継セミナー"),
                "expectedVersion", 1))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);

        assertThat(jdbc.sql("""
                        select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                        where aggregate_identifier = ? and sequence_number = 3""")
                .param(code + ":plan:shoko-2023").query(String.class).single())
                .isEqualTo("{\"municipalityCode\":\"" + code + "\",\"planId\":\"shoko-2023\",\"itemId\":\"b1\","
                        + "\"parentItemId\":\"m1\",\"content\":{\"number\":\"1\",\"title\":\"事業承継セミナー(参加者数)\","
                        + "\"responsibleOrganisations\":[\"Bi@Sta\"],\"outlook\":\"継続\","
                        + "\"flags\":[\"新規事業\",\"重点事業\"],\"focusThemes\":[\"DX\"],\"pageReference\":\"P.33\"}}");
        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "PlanItemAdded",
                "PlanItemAdded", "PlanItemRevised");
    }

    @Test
    void aStaleVersionIsAConflictAndAMissingParentBreaksARule() {
        String code = "122017";
        adopt(code, "p", "2023", "2026").expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "a", "content", content("1", "A"))).expectStatus().isCreated();
        put(code, "/plans/p/items/a", Map.of("content", content("1", "A2"))).expectStatus().isOk();

        put(code, "/plans/p/items/a", Map.of("content", content("1", "A3"), "expectedVersion", 1))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:stale-version")
                .jsonPath("$.currentVersion").isEqualTo(2);
        addItem(code, "p", Map.of("id", "b", "parentItemId", "zz", "content", content("1", "B")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:rule-violated")
                .jsonPath("$.field").isEqualTo("parentItemId");
        addItem(code, "p", Map.of("id", "c", "content", content("1", "C")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("number");

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "PlanItemRevised");
    }

    @Test
    void anEntryWrittenOnAStaleVersionIsAConflictAndEachEntryCountsItsOwnChanges() {
        String code = "122114";
        adopt(code, "p", "R5", "R6").expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "a", "content", content("1", "創業塾"))).expectStatus().isCreated();
        put(code, "/plans/p/items/a/indicator", Map.of("name", "参加者数", "unit", "人")).expectStatus().isOk();
        String actual = "/plans/p/items/a/annual-actuals/R5";

        put(code, actual, Map.of("value", 11, "unit", "人", "expectedVersion", 0)).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        put(code, "/plans/p/items/a/annual-actuals/R6", Map.of("value", 14, "unit", "人", "expectedVersion", 0))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        put(code, actual, Map.of("value", 12, "unit", "人", "expectedVersion", 0))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:stale-version")
                .jsonPath("$.currentVersion").isEqualTo(1)
                .jsonPath("$.detail").isEqualTo("The actual of item a for fiscal year 2023 is at version 1, not 0 as "
                        + "sent: someone changed it meanwhile; read it again and retry if still needed");
        put(code, actual, Map.of("value", 12, "unit", "人", "expectedVersion", 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        put(code, "/plans/p/items/a/narratives/R5", Map.of("results", "12人", "expectedVersion", 3))
                .expectStatus().isEqualTo(409);

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "IndicatorDefined",
                "AnnualActualRecorded", "AnnualActualRecorded", "AnnualActualRecorded");
    }

    @Test
    void theTreeCannotLoopAndARetiredItemTakesNothingMore() {
        String code = "122106";
        adopt(code, "p", "R5", "R8").expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "d", "content", content("1", "方向性"))).expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "m", "parentItemId", "d", "content", content("1", "施策")))
                .expectStatus().isCreated();

        post(code, "/plans/p/items/d/move", Map.of("parentItemId", "m", "number", "1"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("parentItemId");
        post(code, "/plans/p/items/d/retire", Map.of("reason", "統合"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.activeItems").isEqualTo(1);
        post(code, "/plans/p/items/m/move", Map.of("number", "2")).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        post(code, "/plans/p/items/m/retire", Map.of("reason", "令和6年度で事業終了")).expectStatus().isOk();
        put(code, "/plans/p/items/m", Map.of("content", content("2", "施策"))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("itemId");
        put(code, "/plans/p/items/m/annual-targets/R5", Map.of("value", 1, "unit", "人"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("itemId");
        post(code, "/plans/p/items/zz/retire", Map.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("itemId");

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "PlanItemAdded",
                "PlanItemMoved", "PlanItemRetired");
    }

    @Test
    void badFieldsAreRefusedNamingThemAndNothingIsStored() {
        String code = "122025";
        adopt(code, "Shoko 2023", "R5", "R8").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        adopt(code, "shoko", "R8", "R5").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("toFiscalYear");
        adopt(code, "shoko", "昭和60", "R5").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("fromFiscalYear");
        adopt(code, "shoko", "R5", "R8").expectStatus().isCreated();

        Map<String, Object> badOutlook = new HashMap<>(content("1", "A"));
        badOutlook.put("outlook", "廃止");
        addItem(code, "shoko", Map.of("id", "a", "content", badOutlook)).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("outlook")
                .jsonPath("$.errors[0].message").isEqualTo("the outlook is one of 新規, 拡充, 継続");
        Map<String, Object> badFlag = new HashMap<>(content("1", "A"));
        badFlag.put("flags", List.of("最重要"));
        addItem(code, "shoko", Map.of("id", "a", "content", badFlag)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("flags");
        addItem(code, "shoko", Map.of("id", "a", "content", Map.of("number", "1", "title", "A",
                "responsibleOrganisations", List.of("産業振興課", "産業振興課"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("responsibleOrganisations[1]");
        addItem(code, "shoko", Map.of("id", "a")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("content");
        addItem(code, "shoko", Map.of("id", "a b", "content", content("1", "A"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");

        assertThat(eventTypes(code)).containsExactly("PlanAdopted");
    }

    @Test
    void aPlanNamesItsLevelsIsRevisedAndEndsEachWithItsReason() {
        String code = "122173";
        adopt(code, "p", "R5", "R8").expectStatus().isCreated();
        put(code, "/plans/p", Map.of("name", "商工業振興プラン", "fromFiscalYear", "R5", "toFiscalYear", "R9",
                "goal", "主体的な行動と協創により理想をかなえるまち", "levelNames", List.of("方向性", "個別施策", "実施事業"),
                "reason", "計画期間を1年延長")).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true);
        Map<String, Object> seminar = new HashMap<>(content("1", "事業承継セミナー"));
        seminar.putAll(Map.of("description", "事業承継に関するセミナーを開催する。\n年2回。",
                "reportedWithItemId", "d1", "reportedWithNote", "どちらの目的も包含しているため"));
        // the seeds name no organisation for a 方向性 or 個別施策, and none is invented
        addItem(code, "p", Map.of("id", "d1", "content", Map.of("number", "1", "title", "方向性1")))
                .expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "m1", "parentItemId", "d1", "content", Map.of("number", "1",
                "title", "個別施策1"))).expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "b1", "parentItemId", "m1", "content", seminar)).expectStatus().isCreated();
        put(code, "/plans/p/items/b1/indicator", Map.of("name", "参加者数", "unit", "人")).expectStatus().isOk();
        put(code, "/plans/p/items/b1/annual-targets/R9", Map.of("value", 20, "unit", "人")).expectStatus().isOk();

        // a fourth level is not one of the three the plan names
        addItem(code, "p", Map.of("id", "x", "parentItemId", "b1", "content", content("1", "細目")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("parentItemId");
        // the period keeps R9, which has a target
        put(code, "/plans/p", Map.of("name", "商工業振興プラン", "fromFiscalYear", "R5", "toFiscalYear", "R8",
                "reason", "短縮")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.lastRecordedFiscalYear").isEqualTo("2027");
        // two names for a three-level tree
        put(code, "/plans/p", Map.of("name", "商工業振興プラン", "fromFiscalYear", "R5", "toFiscalYear", "R9",
                "levelNames", List.of("方向性", "個別施策"), "reason", "階層名の変更")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("levelNames");
        post(code, "/plans/p/end", Map.of("lastFiscalYear", "R10", "reason", "期間外")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("lastFiscalYear");

        post(code, "/plans/p/end", Map.of("lastFiscalYear", "R6", "reason", "新たな計画の策定による"))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        put(code, "/plans/p/items/b1/annual-targets/R7", Map.of("value", 20, "unit", "人"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("fiscalYear");
        put(code, "/plans/p", Map.of("name", "別名", "fromFiscalYear", "R5", "toFiscalYear", "R9",
                "reason", "改称")).expectStatus().isEqualTo(422);

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanRevised", "PlanItemAdded", "PlanItemAdded",
                "PlanItemAdded", "IndicatorDefined", "AnnualTargetSet", "PlanEnded");
    }

    @Test
    void theCityRecordsItsOwnRatingFromItsSchemeWithAReasonAndNothingElse() {
        String code = "122190";
        adopt(code, "p", "R5", "R8").expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "a", "content", content("1", "創業塾"))).expectStatus().isCreated();
        put(code, "/plans/p/items/a/ratings/R7", Map.of("rating", "B", "reason", "改善の見込み"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("itemId");
        put(code, "/plans/p/items/a/indicator", Map.of("name", "参加者数", "unit", "人")).expectStatus().isOk();
        put(code, "/plans/p/items/a/ratings/R7", Map.of("rating", "E", "reason", "改善の見込み"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("rating")
                .jsonPath("$.allowed").isEqualTo("S, A, B, C");
        put(code, "/plans/p/items/a/ratings/R7", Map.of("rating", "B")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        put(code, "/plans/p/items/a/ratings/R12", Map.of("rating", "B", "reason", "r")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("fiscalYear");
        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "IndicatorDefined");

        put(code, "/plans/p/items/a/ratings/R7", Map.of("rating", "B", "reason", "改善の見込み"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true).jsonPath("$.version").isEqualTo(1);
        put(code, "/plans/p/items/a/ratings/R7", Map.of("rating", "A", "reason", "見直し", "expectedVersion", 0))
                .expectStatus().isEqualTo(409);
        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "IndicatorDefined",
                "CityRatingRecorded");

        put(code, "/plans/p/items/a/annual-targets/R6/none", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        put(code, "/plans/p/items/a/annual-targets/R6/none", Map.of("reason", "事業検討段階となるため目標なしとします。"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true).jsonPath("$.version").isEqualTo(1);
        assertThat(eventTypes(code)).endsWith("NoTargetSet");
    }

    @Test
    void aSuccessorBeginsAfterItsPredecessorAndMapsOnlyItsItemsToItsOwn() {
        String code = "122203";
        adopt(code, "old", "R5", "R7").expectStatus().isCreated();
        post(code, "/plans", Map.of("id", "new", "name", "新計画", "fromFiscalYear", "R7", "toFiscalYear", "R11"))
                .expectStatus().isCreated();
        post(code, "/plans", Map.of("id", "other", "name", "別計画", "fromFiscalYear", "R8", "toFiscalYear", "R9"))
                .expectStatus().isCreated();
        addItem(code, "old", Map.of("id", "a", "content", content("1", "旧事業"))).expectStatus().isCreated();
        addItem(code, "new", Map.of("id", "b", "content", content("1", "新事業"))).expectStatus().isCreated();
        addItem(code, "other", Map.of("id", "c", "content", content("1", "別事業"))).expectStatus().isCreated();

        // the old plan runs to R7, which the new one begins in
        put(code, "/plans/new/predecessor", Map.of("predecessorPlanId", "old")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.predecessorLastFiscalYear").isEqualTo("2025");
        put(code, "/plans/new/carryovers/a", Map.of("kind", "continued", "itemIds", List.of("b")))
                .expectStatus().isEqualTo(422);
        put(code, "/plans/new/predecessor", Map.of("predecessorPlanId", "none")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("predecessorPlanId");
        put(code, "/plans/new/predecessor", Map.of("predecessorPlanId", "new")).expectStatus().isEqualTo(422);
        post(code, "/plans/old/end", Map.of("lastFiscalYear", "R6", "reason", "新計画へ移行")).expectStatus().isOk();
        put(code, "/plans/new/predecessor", Map.of("predecessorPlanId", "old")).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true);
        put(code, "/plans/other/predecessor", Map.of("predecessorPlanId", "old")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("predecessorPlanId");

        put(code, "/plans/new/carryovers/a", Map.of("kind", "continued", "itemIds", List.of("c")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("itemIds[0]");
        put(code, "/plans/new/carryovers/c", Map.of("kind", "continued", "itemIds", List.of("b")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("predecessorItemId");
        put(code, "/plans/new/carryovers/a", Map.of("kind", "split", "itemIds", List.of("b")))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("itemIds");
        put(code, "/plans/new/carryovers/a", Map.of("kind", "moved", "itemIds", List.of("b")))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        put(code, "/plans/new/carryovers/a", Map.of("kind", "continued", "itemIds", List.of("b")))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanAdopted", "PlanAdopted", "PlanItemAdded",
                "PlanItemAdded", "PlanItemAdded", "PlanEnded", "PlanSuccessionRecorded", "ItemCarriedOver");
    }

    @Test
    void aKpiAnswersToItemsOfItsOwnPlanAndKeepsTheCitysWording() {
        String code = "122211";
        adopt(code, "p", "R7", "R16").expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "d1", "content", Map.of("number", "Ⅲ", "title", "いきいきと地域で働けるまちづくり")))
                .expectStatus().isCreated();
        Map<String, Object> kpi = new HashMap<>(Map.of("name", "就業者の流出入数", "unit", "人",
                "baseline", Map.of("value", -1312, "fromYear", 2020), "target", Map.of("kind", "sign",
                        "positive", true, "byYear", 2030),
                "baselineWording", "1,312人の流出過多 (2020年)", "targetWording", "流入過多を目指す (2030年)"));
        kpi.put("directions", List.of("d9"));
        put(code, "/plans/p/kpis/flow", kpi).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("directions[0]");
        kpi.put("directions", List.of("d1", "d1"));
        put(code, "/plans/p/kpis/flow", kpi).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("directions[1]");
        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded");

        kpi.put("directions", List.of("d1"));
        put(code, "/plans/p/kpis/flow", kpi).expectStatus().isOk();
        assertThat(jdbc.sql("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                        + "where municipality_code = ? and payload_type = 'KpiDefined'").param(code)
                .query(String.class).single())
                .contains("\"directionItemIds\":[\"d1\"]", "\"baselineWording\":\"1,312人の流出過多 (2020年)\"",
                        "\"targetWording\":\"流入過多を目指す (2030年)\"");
    }

    @Test
    void badPlanDescriptionsAreRefusedNamingTheFieldAndNothingIsStored() {
        String code = "122181";
        adopt(code, "p", "R5", "R8").expectStatus().isCreated();
        List<String> nine = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
        put(code, "/plans/p", Map.of("name", "計画", "fromFiscalYear", "R5", "toFiscalYear", "R8",
                "levelNames", nine, "reason", "r")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("levelNames")
                .jsonPath("$.errors[0].message").isEqualTo("has at most 8 entries");
        put(code, "/plans/p", Map.of("name", "計画", "fromFiscalYear", "R5", "toFiscalYear", "R8",
                "levelNames", List.of("施策", "施策"), "reason", "r")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("levelNames[1]");
        put(code, "/plans/p", Map.of("name", "計画", "fromFiscalYear", "R5", "toFiscalYear", "R8"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post(code, "/plans/p/end", Map.of("lastFiscalYear", "R6")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        Map<String, Object> twice = new HashMap<>(content("1", "A"));
        twice.put("relatedProgrammes", List.of(Map.of("code", "0301", "name", "商工振興事業"),
                Map.of("code", "0301", "name", "観光振興事業")));
        addItem(code, "p", Map.of("id", "a", "content", twice)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("relatedProgrammes[1].code");
        Map<String, Object> nameless = new HashMap<>(content("1", "A"));
        nameless.put("relatedProgrammes", List.of(Map.of("code", "0301")));
        addItem(code, "p", Map.of("id", "a", "content", nameless)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("relatedProgrammes.name");
        Map<String, Object> noteAlone = new HashMap<>(content("1", "A"));
        noteAlone.put("reportedWithNote", "説明");
        addItem(code, "p", Map.of("id", "a", "content", noteAlone)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reportedWithNote");
        put(code, "/plans/none", Map.of("name", "計画", "fromFiscalYear", "R5", "toFiscalYear", "R8",
                "reason", "r")).expectStatus().isNotFound();

        assertThat(eventTypes(code)).containsExactly("PlanAdopted");
    }

    @Test
    void annualEntriesBreakingARuleAreRefusedNamingTheFieldAndNothingIsStored() {
        String code = "122041";
        adopt(code, "p", "R5", "R8").expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "a", "content", content("1", "創業塾"))).expectStatus().isCreated();
        String item = "/plans/p/items/a";

        put(code, item + "/annual-targets/R5", Map.of("value", 16, "unit", "人"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("itemId");
        put(code, item + "/indicator", Map.of("name", "参加者数", "unit", "人",
                "baseline", Map.of("value", 14, "fiscalYear", "R3"))).expectStatus().isOk();
        put(code, item + "/annual-targets/R5", Map.of("value", 16, "unit", "件"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.field").isEqualTo("unit")
                .jsonPath("$.detail").isEqualTo("unit: item a counts in 人, not 件");
        put(code, item + "/annual-targets/R9", Map.of("value", 16, "unit", "人"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.field").isEqualTo("fiscalYear")
                .jsonPath("$.detail").isEqualTo("fiscalYear: fiscal year 2027 is outside the plan period 2023–2026");
        put(code, item + "/annual-actuals/昭和60", Map.of("value", 11, "unit", "人"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("fiscalYear");
        put(code, item + "/annual-actuals/R5", Map.of("value", -1, "unit", "人"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("value");
        put(code, item + "/annual-actuals/R5", Map.of("value", 11))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("unit");

        put(code, item + "/annual-targets/令和5", Map.of("value", 16, "unit", "人")).expectStatus().isOk()
                .expectBody().jsonPath("$.fiscalYear").isEqualTo(2023);
        put(code, item + "/annual-actuals/2023", Map.of("value", 11, "unit", "人")).expectStatus().isOk();
        put(code, item + "/indicator", Map.of("name", "参加者数", "unit", "件"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("unit");

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "IndicatorDefined",
                "AnnualTargetSet", "AnnualActualRecorded");
    }

    @Test
    void quarterlyStatusFollowsTheCitysLegendAndAsksForAReasonInTheFourthQuarter() {
        String code = "122050";
        adopt(code, "p", "R5", "R5").expectStatus().isCreated();
        Map<String, Object> measure = new HashMap<>(content("13", "駅周辺の新規産業の誘致・育成"));
        measure.put("responsibleOrganisations", List.of("産業振興課", "商工会議所"));
        addItem(code, "p", Map.of("id", "n13", "content", measure)).expectStatus().isCreated();
        String status = "/plans/p/items/n13/period-status/R5/";

        put(code, status + "1期", Map.of("organisation", "商工会議所", "symbol", "△")).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true);
        put(code, status + "4", Map.of("organisation", "商工会議所", "symbol", "△"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.field").isEqualTo("reasonCode")
                .jsonPath("$.detail").isEqualTo("reasonCode: a 4th-quarter status △ needs a reason code from the "
                        + "municipality's list (2, 3, 4)");
        put(code, status + "4", Map.of("organisation", "商工会議所", "symbol", "△", "reasonCode", "9"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("reasonCode");
        put(code, status + "4", Map.of("organisation", "商工会議所", "symbol", "?"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.field").isEqualTo("symbol")
                .jsonPath("$.allowed").isEqualTo("○ △ □ × ◎ - /");
        put(code, status + "4", Map.of("organisation", "観光機構", "symbol", "○"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("organisation");
        put(code, status + "5期", Map.of("organisation", "商工会議所", "symbol", "○"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("quarter");
        put(code, "/plans/p/items/n13/period-status/R6/1", Map.of("organisation", "商工会議所", "symbol", "○"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("fiscalYear");
        String chamberOnly = TestTokens.of(new Actor("chamber", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code),
                "商工会議所"));
        anonymous.put().uri("/municipalities/" + code + status + "2")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + chamberOnly)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("organisation", "産業振興課", "symbol", "○"))
                .exchange().expectStatus().isForbidden();

        put(code, status + "4", Map.of("organisation", "商工会議所", "symbol", "△", "reasonCode", "4",
                "remark", "商業・環境委員会を中心に意見聴取を行った")).expectStatus().isOk();
        put(code, status + "4", Map.of("organisation", "産業振興課", "symbol", "/")).expectStatus().isOk();
        put(code, status + "4", Map.of("organisation", "産業振興課", "symbol", "/")).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(false);

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "PeriodStatusRecorded",
                "PeriodStatusRecorded", "PeriodStatusRecorded");
    }

    @Test
    void aReviewSheetIsRevisedFieldByFieldAndOnlyChangedFieldsAreStored() {
        String code = "122068";
        adopt(code, "master", "R7", "R16").expectStatus().isCreated();
        addItem(code, "master", Map.of("id", "01", "content", content("01", "企業誘致の実施")))
                .expectStatus().isCreated();
        String sheet = "/plans/master/items/01/narratives/";

        put(code, sheet + "R7", Map.of("plannedContent", "①奨励金交付 ②加算金交付", "goalsAndFocus", "事業所の立地を促進"))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        put(code, sheet + "令和7", Map.of("plannedContent", "①奨励金交付 ②加算金交付", "results", "2社を指定"))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        put(code, sheet + "2025", Map.of("results", "2社を指定"))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);

        put(code, sheet + "R7", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("plannedContent");
        put(code, sheet + "R7", Map.of("issuesAhead", "課".repeat(4001))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("issuesAhead");
        put(code, sheet + "R17", Map.of("results", "x")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("fiscalYear");

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "NarrativeRevised",
                "NarrativeRevised", "NarrativeRevised");
    }

    @Test
    void onceAYearIsClosedEveryChangeToItIsACorrectionWithAReason() {
        String code = "122084";
        adopt(code, "p", "R5", "R6").expectStatus().isCreated();
        Map<String, Object> measure = new HashMap<>(content("1", "創業塾"));
        addItem(code, "p", Map.of("id", "a", "content", measure)).expectStatus().isCreated();
        put(code, "/plans/p/items/a/indicator", Map.of("name", "参加者数", "unit", "人")).expectStatus().isOk();
        put(code, "/plans/p/items/a/annual-actuals/R5", Map.of("value", 11, "unit", "人")).expectStatus().isOk();

        post(code, "/plans/p/fiscal-years/R5/close", Map.of("councilReportedOn", "2024-06-20")).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true);
        post(code, "/plans/p/fiscal-years/令和5/close", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(false);
        post(code, "/plans/p/fiscal-years/R9/close", Map.of()).expectStatus().isEqualTo(422);

        put(code, "/plans/p/items/a/annual-actuals/R5", Map.of("value", 12, "unit", "人"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.field").isEqualTo("correctionReason")
                .jsonPath("$.detail").isEqualTo("correctionReason: fiscal year 2023 is closed; a change to it is a "
                        + "correction: send correctionReason saying why");
        put(code, "/plans/p/items/a/narratives/R5", Map.of("results", "11人")).expectStatus().isEqualTo(422);
        put(code, "/plans/p/items/a/period-status/R5/4", Map.of("organisation", "商工観光課", "symbol", "○"))
                .expectStatus().isEqualTo(422);
        put(code, "/plans/p/items/a/annual-actuals/R5", Map.of("value", 12, "unit", "人",
                "correctionReason", "集計漏れ1人を追加")).expectStatus().isOk();
        put(code, "/plans/p/items/a/annual-actuals/R6", Map.of("value", 14, "unit", "人")).expectStatus().isOk();

        assertThat(jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'correctionReason'
                        from event_store.domain_event_entry
                        where municipality_code = ? and payload_type = 'AnnualActualRecorded'
                        order by global_index""")
                .param(code).query(String.class).list())
                .containsExactly(null, "集計漏れ1人を追加", null);
        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "PlanItemAdded", "IndicatorDefined",
                "AnnualActualRecorded", "FiscalYearClosed", "AnnualActualRecorded", "AnnualActualRecorded");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerWithoutBeingExecutedAgain() {
        String code = "122092";
        adopt(code, "p", "R5", "R6").expectStatus().isCreated();
        addItem(code, "p", Map.of("id", "a", "content", content("1", "創業塾"))).expectStatus().isCreated();
        String actual = "/municipalities/" + code + "/plans/p/items/a/annual-actuals/R5";
        Map<String, Object> eleven = Map.of("value", 11, "unit", "人");

        anonymous.put().uri(actual).header(HttpHeaders.AUTHORIZATION, "Bearer " + editorOf(code))
                .header("Idempotency-Key", "actual-r5").contentType(MediaType.APPLICATION_JSON).body(eleven)
                .exchange().expectStatus().isEqualTo(422);
        put(code, "/plans/p/items/a/indicator", Map.of("name", "参加者数", "unit", "人")).expectStatus().isOk();
        String first = anonymous.put().uri(actual).header(HttpHeaders.AUTHORIZATION, "Bearer " + editorOf(code))
                .header("Idempotency-Key", "actual-r5").contentType(MediaType.APPLICATION_JSON).body(eleven)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        put(code, "/plans/p/items/a/annual-actuals/R5", Map.of("value", 12, "unit", "人")).expectStatus().isOk();

        anonymous.put().uri(actual).header(HttpHeaders.AUTHORIZATION, "Bearer " + editorOf(code))
                .header("Idempotency-Key", "actual-r5").contentType(MediaType.APPLICATION_JSON).body(eleven)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replay", "true")
                .expectBody(String.class).isEqualTo(first);
        anonymous.put().uri(actual).header(HttpHeaders.AUTHORIZATION, "Bearer " + editorOf(code))
                .header("Idempotency-Key", "actual-r5").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 13, "unit", "人"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:shinko:problem:idempotency-key-reused");

        assertThat(jdbc.sql("""
                        select (convert_from(payload, 'UTF8')::jsonb ->> 'value')::int
                        from event_store.domain_event_entry
                        where municipality_code = ? and payload_type = 'AnnualActualRecorded'
                        order by global_index""")
                .param(code).query(Integer.class).list())
                .as("the retry did not put 11 back over 12").containsExactly(11, 12);
    }

    @Test
    void aMunicipalityNobodyRegisteredAdoptsNoPlan() {
        post("122122", "/plans", Map.of("id", "p", "name", "計画", "fromFiscalYear", "R5", "toFiscalYear", "R8"))
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:not-found")
                .jsonPath("$.municipalityCode").isEqualTo("122122");

        assertThat(eventTypes("122122")).isEmpty();
    }

    @Test
    void itemsOfAPlanNobodyAdoptedAreNotFound() {
        addItem("122033", "none", Map.of("id", "a", "content", content("1", "A")))
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.recordId").isEqualTo("122033:plan:none");
    }

    /** Registers the municipality (once: a retry with the same key is answered again) and adopts a plan. */
    private RestTestClient.ResponseSpec adopt(String code, String id, String from, String to) {
        anonymous.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .header("Idempotency-Key", "register-" + code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", "千葉県の市", "romanisedName", "Chiba"))
                .exchange().expectStatus().isCreated();
        return post(code, "/plans", Map.of("id", id, "name", "商工業振興プラン", "fromFiscalYear", from,
                "toFiscalYear", to));
    }

    private RestTestClient.ResponseSpec addItem(String code, String planId, Map<String, Object> body) {
        return post(code, "/plans/" + planId + "/items", body);
    }

    private static Map<String, Object> content(String number, String title) {
        return Map.of("number", number, "title", title, "responsibleOrganisations", List.of("商工観光課"));
    }

    private RestTestClient.ResponseSpec post(String code, String path, Object body) {
        return anonymous.post().uri("/municipalities/" + code + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + editorOf(code))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec put(String code, String path, Object body) {
        return anonymous.put().uri("/municipalities/" + code + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + editorOf(code))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static String editorOf(String code) {
        return TestTokens.of(new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null));
    }

    private List<String> eventTypes(String code) {
        return jdbc.sql("select payload_type from event_store.domain_event_entry where municipality_code = ? "
                + "and payload_type <> 'MunicipalityRegistered' order by global_index").param(code)
                .query(String.class).list();
    }
}
