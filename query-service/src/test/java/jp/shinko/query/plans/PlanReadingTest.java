package jp.shinko.query.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.plan.PlanState;
import jp.shinko.events.plan.RelatedProgramme;
import jp.shinko.query.export.Sheet;
import jp.shinko.query.plans.PlanViews.PlanTree;
import jp.shinko.query.plans.PlanViews.TreeItem;
import jp.shinko.query.rows.ReplayedRows;
import org.junit.jupiter.api.Test;

/**
 * A plan read back from the rows its events fold into, as plain objects: the levels as the city
 * names them, descriptions and 再掲 explanations as written, a revision and an end.
 */
class PlanReadingTest {

    private static final MunicipalityCode TAMA = MunicipalityCode.of("132241");
    private static final PlanId PLAN = PlanId.of("master-2025");

    @Test
    void theTreeNamesEachLevelAsTheCityDoesAndKeepsWhatItWrote() {
        PlanReading plan = reading(
                new PlanAdopted(TAMA, PLAN, "多摩市産業振興マスタープラン", FiscalYear.reiwa(7), FiscalYear.reiwa(16),
                        "主体的な行動と協創により理想をかなえるまち", List.of("方向性", "基本方針", "施策")),
                added("d1", null, content("Ⅰ", "活力と魅力あふれるまちづくり", null, null, null)),
                added("p1", "d1", content("1", "豊かな環境を生かした企業誘致", null, null, null)),
                added("s25", "p1", new PlanItemContent("25", "人材育成・確保", List.of("経済観光課"), null, null, null, null,
                        null, "人材の育成と確保を支援する。", null, List.of(new RelatedProgramme("0301-05", "就労支援事業")))),
                added("s07", "p1", content("07", "DX促進支援", null, "s25",
                        "本事業はどちらの目的も包含しているが人事育成・確保の色合いが濃いためNo.25へ記載する。")));

        PlanTree tree = plan.tree(FiscalYear.reiwa(8));

        assertThat(tree.goal()).isEqualTo("主体的な行動と協創により理想をかなえるまち");
        assertThat(tree.state()).isEqualTo(PlanState.IN_FORCE);
        TreeItem direction = tree.items().get(0);
        assertThat(direction.levelName()).isEqualTo("方向性");
        TreeItem policy = direction.children().get(0);
        assertThat(policy.levelName()).isEqualTo("基本方針");
        assertThat(policy.children()).extracting(TreeItem::levelName).containsExactly("施策", "施策");
        assertThat(policy.children().get(0).description()).isEqualTo("人材の育成と確保を支援する。");
        assertThat(policy.children().get(0).relatedProgrammes()).containsExactly(new RelatedProgramme("0301-05",
                "就労支援事業"));
        TreeItem reported = policy.children().get(1);
        assertThat(reported.reportedWith().number()).isEqualTo("25");
        assertThat(reported.reportedWithNote()).startsWith("本事業はどちらの目的も包含している");

        Sheet sheet = PlanSheets.tree(plan);
        assertThat(sheet.columns().subList(0, 4)).extracting(Sheet.Column::name)
                .containsExactly("方向性", "基本方針", "施策", "展望");
        assertThat(sheet.titleLines()).contains("計画の目標：主体的な行動と協創により理想をかなえるまち");
        assertThat(sheet.rows().get(3).get(2)).isEqualTo("07 DX促進支援");
        assertThat(sheet.rows().get(2).get(sheet.columns().stream().map(Sheet.Column::name).toList()
                .indexOf("関連事務事業"))).isEqualTo("0301-05 就労支援事業");
        assertThat(sheet.rows().get(3).get(8)).isEqualTo("再掲 ※25 人材育成・確保（本事業はどちらの目的も包含しているが"
                + "人事育成・確保の色合いが濃いためNo.25へ記載する。）");
    }

    @Test
    void aRevisedPlanShowsItsNewDescriptionAndAnEndedOneStandsEndedAfterItsLastYear() {
        PlanReading plan = reading(
                new PlanAdopted(TAMA, PLAN, "計画", FiscalYear.reiwa(5), FiscalYear.reiwa(9)),
                new PlanRevised(TAMA, PLAN, "第二期計画", FiscalYear.reiwa(5), FiscalYear.reiwa(10), null,
                        List.of("基本目標"), "延長"),
                new PlanEnded(TAMA, PLAN, FiscalYear.reiwa(6), "新たな計画の策定による"));

        PlanViews.PlanSummary summary = plan.summary(FiscalYear.reiwa(7));

        assertThat(summary.name()).isEqualTo("第二期計画");
        assertThat(summary.period().to().value()).isEqualTo(2028);
        assertThat(summary.levelNames()).containsExactly("基本目標");
        assertThat(summary.state()).isEqualTo(PlanState.ENDED);
        assertThat(summary.ended().lastFiscalYear().japanese()).isEqualTo("令和6年度");
        assertThat(summary.ended().reason()).isEqualTo("新たな計画の策定による");
        assertThat(plan.summary(FiscalYear.reiwa(6)).state()).isEqualTo(PlanState.IN_FORCE);
    }

    private static PlanReading reading(Object... events) {
        ReplayedRows rows = new ReplayedRows();
        long position = 0;
        for (Object event : events) {
            rows.fold(event, position++);
        }
        return PlanReading.of(rows, TAMA.value(), PLAN).orElseThrow();
    }

    private static PlanItemAdded added(String id, String parent, PlanItemContent content) {
        return new PlanItemAdded(TAMA, PLAN, ItemId.of(id), parent == null ? null : ItemId.of(parent), content);
    }

    private static PlanItemContent content(String number, String title, String description, String reportedWith,
            String note) {
        return new PlanItemContent(number, title, List.of("経済観光課"), null, null, null, null,
                reportedWith == null ? null : ItemId.of(reportedWith), description, note);
    }
}
