package jp.shinko.web.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.web.upload.PendingChanges.CellChange;
import jp.shinko.web.upload.PendingChanges.ChangedRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an uploaded table would change, decided cell by cell against the records: only the cells a
 * clerk enters, nothing erased, a changed quarter recorded with the reason and remark it had.
 */
class TableChangesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FiscalYear R5 = FiscalYear.reiwa(5);
    private static final String QUARTERLY_HEADINGS = "番号,体系,重点事業,事業・取組みの名称,主管課等,現年度の進捗状況 1期,"
            + "現年度の進捗状況 2期,現年度の進捗状況 3期,現年度の進捗状況 4期,4期の評価理由（○、◎以外） 選択肢,"
            + "4期の評価理由（○、◎以外） 理由,備考\r\n";

    private static final JsonNode PLAN = json("""
            {"items": [{"itemId": "r1", "number": "1", "title": "商店会の支援",
                        "responsibleOrganisations": ["産業振興課", "商工会議所"], "children": []},
                       {"itemId": "r2", "number": "2", "title": "創業支援", "responsibleOrganisations": ["産業振興課"],
                        "children": []}]}""");
    private static final JsonNode RECORDED = json("""
            {"items": [{"itemId": "r1", "number": "1", "organisation": "商工会議所", "quarters": ["○", "○", null, null],
                        "reasonCode": null, "remark": "会議を2回開催", "remarks": [null, "会議を2回開催", null, null]}]}""");
    private static final JsonNode SETTINGS = json("""
            {"statusLegend": {"symbols": [{"symbol": "◎"}, {"symbol": "○"}, {"symbol": "△"}, {"symbol": "×"}]},
             "reasonCodes": {"reasons": [{"code": "1"}, {"code": "4"}]}}""");

    @Test
    void aChangedQuarterIsRecordedWithTheRemarkItHadAndNothingElseChanges() {
        PendingChanges changes = quarterly("1,商店会,,商店会の支援,商工会議所,○,◎,,,,,会議を2回開催\r\n"
                + "2,創業,,創業支援,産業振興課,,,,,,,\r\n");

        assertThat(changes.rows()).hasSize(1);
        ChangedRow row = changes.rows().get(0);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.changes()).containsExactly(new CellChange("現年度の進捗状況 2期", "○", "◎"));
        assertThat(row.entries()).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("kind", "status").containsEntry("fiscalYear", "2023").containsEntry("quarter", "2")
                .containsEntry("organisation", "商工会議所").containsEntry("symbol", "◎")
                .containsEntry("remark", "会議を2回開催").containsEntry("reasonCode", null));
    }

    @Test
    void aFourthQuarterTriangleTakesTheReasonOfItsRowAndAnUnknownSymbolIsAProblemOnItsRow() {
        PendingChanges changes = quarterly("1,商店会,,商店会の支援,商工会議所,○,○,○,△,4,,会議を2回開催\r\n"
                + "1,商店会,,商店会の支援,産業振興課,済,,,,,,\r\n");

        assertThat(changes.rows()).hasSize(2);
        assertThat(changes.rows().get(0).problem()).isNull();
        assertThat(changes.rows().get(0).entries()).extracting(entry -> "" + entry.get("quarter") + entry.get("symbol")
                + entry.get("reasonCode")).containsExactly("3○null", "4△4");
        assertThat(changes.rows().get(1).problem()).contains("「済」は凡例にない記号");
        assertThat(changes.saveable()).hasSize(1);
        assertThat(changes.tableRequest("").get("items")).asList().hasSize(1);
    }

    @Test
    void anEmptiedCellAnUnknownNumberAndAnOrganisationTheItemDoesNotNameAreProblemsNeverDeletions() {
        PendingChanges changes = quarterly("1,商店会,,商店会の支援,商工会議所,○,,,,,,会議を2回開催\r\n"
                + "9,不明,,不明,産業振興課,○,,,,,,\r\n"
                + "2,創業,,創業支援,商工会議所,○,,,,,,\r\n");

        assertThat(changes.rows()).extracting(ChangedRow::problem).containsExactly(
                "現年度の進捗状況 2期を空欄にはできません（記録は消せません）。", "番号「9」の事業はこの計画にありません。",
                "この事業の主管課等に「商工会議所」はありません。");
        assertThat(changes.saveable()).isEmpty();
    }

    @Test
    void aTableOfAnotherYearIsRefusedWhole() {
        UploadedSheet sheet = new UploadedSheet(List.of("武蔵野市産業振興計画の進行管理表（令和6年度分）"),
                List.of("番号", "主管課等"), List.of());

        assertThatThrownBy(() -> TableChanges.quarterly(sheet, R5, PLAN, RECORDED, SETTINGS))
                .isInstanceOf(UnreadableUpload.class).hasMessageContaining("令和6年度の表です");
    }

    @Test
    void theAnnualTableReadsEveryYearsTargetAndActualAndLeavesNoTargetAsItIs() {
        JsonNode table = json("""
                {"items": [{"itemId": "e1", "number": "1", "title": "創業塾", "unit": "人", "years": [
                    {"fiscalYear": 2025, "target": 20, "actual": 18},
                    {"fiscalYear": 2026, "noTargetReason": "事業の見直し中"}]}]}""");
        UploadedSheet sheet = UploadedSheet.read("t.csv", ("\uFEFF番号,実施事業,単位,令和7年度 年間目標,令和7年度 実績,"
                + "令和7年度 達成率(%),令和8年度 年間目標,令和8年度 実績\r\n"
                + "1,創業塾,人,20,２０,100,目標なし（事業の見直し中）,\r\n").getBytes(StandardCharsets.UTF_8));

        PendingChanges changes = TableChanges.annual(sheet, table);

        assertThat(changes.rows()).hasSize(1);
        assertThat(changes.rows().get(0).changes()).containsExactly(new CellChange("令和7年度 実績", "18", "２０"));
        assertThat(changes.rows().get(0).entries()).containsExactly(Map.of("kind", "actual", "fiscalYear", "2025",
                "value", new BigDecimal("20"), "unit", "人"));
    }

    @Test
    void csvIsReadAsTheExportWritesIt() {
        UploadedSheet sheet = UploadedSheet.read("表.CSV", ("\uFEFF番号,備考\r\n1,\"二行の\n備考, 引用符\"\"付き\"\r\n"
                + "2,'-3から\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(sheet.rows()).extracting(UploadedSheet.Line::number).containsExactly(2, 4);
        assertThat(sheet.cell(sheet.rows().get(0), "備考")).isEqualTo("二行の\n備考, 引用符\"付き");
        assertThat(sheet.cell(sheet.rows().get(1), "備考")).as("the export's guard against formulas, removed")
                .isEqualTo("-3から");
        assertThatThrownBy(() -> UploadedSheet.read("表.pdf", new byte[] {1})).isInstanceOf(UnreadableUpload.class)
                .hasMessageContaining(".xlsx");
    }

    private static PendingChanges quarterly(String rows) {
        UploadedSheet sheet = UploadedSheet.read("q.csv", ("\uFEFF" + QUARTERLY_HEADINGS + rows)
                .getBytes(StandardCharsets.UTF_8));
        return TableChanges.quarterly(sheet, R5, PLAN, RECORDED, SETTINGS);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
