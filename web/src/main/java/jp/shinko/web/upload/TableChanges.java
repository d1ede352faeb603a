package jp.shinko.web.upload;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.web.upload.PendingChanges.CellChange;
import jp.shinko.web.upload.PendingChanges.ChangedRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

/**
 * Compares an uploaded table with the records, cell by cell, and says what saving it would change.
 * Only the cells a clerk enters are read (targets and actuals; a quarter's symbol, the 4th
 * quarter's reason and the remark); the others (titles, rates, ratings) are the system's and are
 * left as they are whatever the file says. Nothing is erased: a cell emptied in the file is a
 * problem on its row, not a deletion. A row the records cannot place (an unknown 番号, an
 * organisation the item does not name) is a problem on its row.
 */
final class TableChanges {

    private static final Pattern YEAR_COLUMN = Pattern.compile("(令和\\S+年度) (年間目標|実績)");
    private static final Pattern SHEET_YEAR = Pattern.compile("（(令和\\S+年度)分）");
    private static final String NUMBER = "番号";
    private static final String ORGANISATION = "主管課等";
    private static final String REASON = "4期の評価理由（○、◎以外） 選択肢";
    private static final String REMARK = "備考";

    private TableChanges() {
    }

    /**
     * Akiruno's table: every 令和N年度 年間目標 and 実績 column of the file against the records of
     * that year.
     *
     * @param table the query service's annual table of every year
     */
    static PendingChanges annual(UploadedSheet sheet, JsonNode table) {
        requireHeading(sheet, NUMBER);
        Map<String, JsonNode> items = byKey(table.path("items"), item -> text(item.path("number")));
        List<ChangedRow> rows = new ArrayList<>();
        for (UploadedSheet.Line line : sheet.rows()) {
            String number = sheet.cell(line, NUMBER);
            JsonNode item = items.get(number);
            if (item == null || item.isNull()) {
                rows.add(unplaced(line, number, "", item == null ? "番号「" + number + "」の事業はこの計画にありません。"
                        : "番号「" + number + "」の事業が複数あり、どれか決められません。"));
                continue;
            }
            List<CellChange> changes = new ArrayList<>();
            List<Map<String, Object>> entries = new ArrayList<>();
            String problem = null;
            String unit = text(item.path("unit"));
            if (sheet.has("単位") && !sheet.cell(line, "単位").equals(unit)) {
                problem = "単位は変えられません（記録は「" + unit + "」）。";
            }
            for (String heading : sheet.headings()) {
                Matcher column = YEAR_COLUMN.matcher(heading);
                if (!column.matches() || problem != null) {
                    continue;
                }
                FiscalYear year = fiscalYear(column.group(1));
                boolean target = column.group(2).equals("年間目標");
                JsonNode figures = yearOf(item, year);
                String before = target ? targetText(figures) : number(figures.path("actual"));
                String after = sheet.cell(line, heading);
                if (same(before, after)) {
                    continue;
                }
                changes.add(new CellChange(heading, before, after));
                if (after.isEmpty()) {
                    problem = heading + "を空欄にはできません（記録は消せません。訂正するときは値を入れてください）。";
                } else if (decimal(after) == null) {
                    problem = heading + "は数値で入力してください（「" + after + "」は数値ではありません）。";
                } else {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("kind", target ? "target" : "actual");
                    entry.put("fiscalYear", year.toString());
                    entry.put("value", decimal(after));
                    entry.put("unit", unit);
                    entries.add(entry);
                }
            }
            if (!changes.isEmpty() || problem != null) {
                rows.add(new ChangedRow(line.number(), number, text(item.path("title")), "",
                        text(item.path("itemId")), changes, problem == null ? entries : List.of(), problem));
            }
        }
        return new PendingChanges(rows);
    }

    /**
     * Musashino's table of one fiscal year: each row (an item of one organisation) against what
     * that organisation recorded; a quarter whose symbol changes is recorded with the reason and
     * the remark it had, so that nothing but the changed cell changes.
     *
     * @param plan the plan's tree, for the rows nothing is recorded for yet
     * @param table the query service's quarterly table of the year
     * @param settings the municipality's settings: its legend and its reasons
     */
    static PendingChanges quarterly(UploadedSheet sheet, FiscalYear year, JsonNode plan, JsonNode table,
            JsonNode settings) {
        requireHeading(sheet, NUMBER);
        requireHeading(sheet, ORGANISATION);
        sheet.titleLines().stream().map(SHEET_YEAR::matcher).filter(Matcher::find).findFirst()
                .map(found -> fiscalYear(found.group(1))).filter(other -> !other.equals(year))
                .ifPresent(other -> {
                    throw new UnreadableUpload("このファイルは" + other.japanese() + "の表です。" + year.japanese()
                            + "の表を選ぶか、" + other.japanese() + "の画面から読み込んでください。");
                });
        Map<String, JsonNode> items = new HashMap<>();
        collect(plan.path("items"), items);
        Map<String, JsonNode> recorded = byKey(table.path("items"),
                row -> text(row.path("number")) + "|" + text(row.path("organisation")));
        Set<String> symbols = new HashSet<>();
        settings.path("statusLegend").path("symbols").forEach(symbol -> symbols.add(text(symbol.path("symbol"))));
        Set<String> reasons = new HashSet<>();
        settings.path("reasonCodes").path("reasons").forEach(reason -> reasons.add(text(reason.path("code"))));
        List<ChangedRow> rows = new ArrayList<>();
        for (UploadedSheet.Line line : sheet.rows()) {
            String number = sheet.cell(line, NUMBER);
            String organisation = sheet.cell(line, ORGANISATION);
            JsonNode item = items.get(number);
            if (item == null || item.isNull()) {
                rows.add(unplaced(line, number, organisation, item == null
                        ? "番号「" + number + "」の事業はこの計画にありません。"
                        : "番号「" + number + "」の事業が複数あり、どれか決められません。"));
                continue;
            }
            boolean names = false;
            for (JsonNode named : item.path("responsibleOrganisations")) {
                names |= text(named).equals(organisation);
            }
            if (!names) {
                rows.add(unplaced(line, number, organisation, "この事業の主管課等に「" + organisation + "」はありません。"));
                continue;
            }
            JsonNode row = recorded.get(number + "|" + organisation);
            QuarterRow change = new QuarterRow(sheet, line, year, row, organisation, symbols, reasons);
            change.compare();
            if (!change.changes.isEmpty()) {
                rows.add(new ChangedRow(line.number(), number, text(item.path("title")), organisation,
                        text(item.path("itemId")), change.changes, change.problem == null
                        ? new ArrayList<>(change.entries.values()) : List.of(), change.problem));
            }
        }
        return new PendingChanges(rows);
    }

    /** One row of the quarterly table being compared: its changed cells and the statuses to record. */
    private static final class QuarterRow {

        private final UploadedSheet sheet;
        private final UploadedSheet.Line line;
        private final FiscalYear year;
        private final JsonNode recorded;
        private final String organisation;
        private final Set<String> symbols;
        private final Set<String> reasons;
        private final List<CellChange> changes = new ArrayList<>();
        private final Map<Integer, Map<String, Object>> entries = new LinkedHashMap<>();
        private String problem;

        QuarterRow(UploadedSheet sheet, UploadedSheet.Line line, FiscalYear year, JsonNode recorded,
                String organisation, Set<String> symbols, Set<String> reasons) {
            this.sheet = sheet;
            this.line = line;
            this.year = year;
            this.recorded = recorded;
            this.organisation = organisation;
            this.symbols = symbols;
            this.reasons = reasons;
        }

        void compare() {
            int lastRecorded = 0;
            int lastUploaded = 0;
            for (int quarter = 1; quarter <= 4; quarter++) {
                lastRecorded = before(quarter).isEmpty() ? lastRecorded : quarter;
                lastUploaded = after(quarter).isEmpty() ? lastUploaded : quarter;
            }
            for (int quarter = 1; quarter <= 4; quarter++) {
                String before = before(quarter);
                String after = after(quarter);
                if (before.equals(after)) {
                    continue;
                }
                changes.add(new CellChange(heading(quarter), before, after));
                if (after.isEmpty()) {
                    problemOnce(heading(quarter) + "を空欄にはできません（記録は消せません）。");
                } else if (!symbols.contains(after)) {
                    problemOnce(heading(quarter) + "の「" + after + "」は凡例にない記号です（" + String.join(" ", symbols)
                            + "）。");
                } else {
                    status(quarter).put("symbol", after);
                    if (quarter == lastRecorded && quarter != 4) {
                        status(quarter).put("reasonCode", reasonOf(recorded));
                    }
                }
            }
            String reasonBefore = recorded == null ? "" : text(recorded.path("reasonCode"));
            String reasonAfter = sheet.cell(line, REASON);
            if (sheet.has(REASON) && !reasonBefore.equals(reasonAfter)
                    && !(lastRecorded < 4 && reasonAfter.isEmpty())) {
                changes.add(new CellChange(REASON, reasonBefore, reasonAfter));
                if (after(4).isEmpty()) {
                    problemOnce("4期の進捗状況がない行に評価理由は付けられません。");
                } else if (!reasonAfter.isEmpty() && !reasons.contains(reasonAfter)) {
                    problemOnce("評価理由の「" + reasonAfter + "」は理由の一覧にありません（" + String.join("、", reasons)
                            + "）。");
                }
            }
            if (entries.containsKey(4) || changes.stream().anyMatch(change -> change.column().equals(REASON))) {
                status(4).put("reasonCode", reasonAfter.isEmpty() ? null : reasonAfter);
            }
            String remarkBefore = printedRemark();
            String remarkAfter = sheet.cell(line, REMARK);
            if (sheet.has(REMARK) && !remarkBefore.equals(remarkAfter)) {
                changes.add(new CellChange(REMARK, remarkBefore, remarkAfter));
                if (distinctRemarks() > 1) {
                    problemOnce("期ごとに備考があるため、この行の備考は画面の行ごとの入力で変えてください。");
                } else if (lastUploaded == 0) {
                    problemOnce("進捗状況のない行に備考は付けられません。");
                } else {
                    status(lastUploaded).put("remark", remarkAfter.isEmpty() ? null : remarkAfter);
                }
            }
        }

        /** The status of a quarter as it would be recorded: what the file says, with what the records keep. */
        private Map<String, Object> status(int quarter) {
            return entries.computeIfAbsent(quarter, q -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("kind", "status");
                entry.put("fiscalYear", year.toString());
                entry.put("quarter", String.valueOf(q));
                entry.put("organisation", organisation);
                entry.put("symbol", after(q));
                entry.put("reasonCode", q == 4 ? reasonOf(recorded) : null);
                entry.put("remark", recorded == null ? null : textOrNull(recorded.path("remarks").path(q - 1)));
                return entry;
            });
        }

        private void problemOnce(String text) {
            problem = problem == null ? text : problem;
        }

        private String before(int quarter) {
            return recorded == null ? "" : text(recorded.path("quarters").path(quarter - 1));
        }

        private String after(int quarter) {
            return sheet.cell(line, heading(quarter));
        }

        private long distinctRemarks() {
            return recorded == null ? 0 : recorded.path("remarks").valueStream().map(TableChanges::text)
                    .filter(remark -> !remark.isEmpty()).distinct().count();
        }

        /** The 備考 cell as the export prints it: the remark, or each quarter's when they differ. */
        private String printedRemark() {
            if (recorded == null) {
                return "";
            }
            if (distinctRemarks() <= 1) {
                return text(recorded.path("remark"));
            }
            List<String> lines = new ArrayList<>();
            for (int quarter = 1; quarter <= 4; quarter++) {
                String remark = text(recorded.path("remarks").path(quarter - 1));
                if (!remark.isEmpty()) {
                    lines.add(quarter + "期：" + remark);
                }
            }
            return String.join("\n", lines);
        }

        private static String heading(int quarter) {
            return "現年度の進捗状況 " + quarter + "期";
        }

        private static String reasonOf(JsonNode recorded) {
            return recorded == null ? null : textOrNull(recorded.path("reasonCode"));
        }
    }

    private static void requireHeading(UploadedSheet sheet, String heading) {
        if (!sheet.has(heading)) {
            throw new UnreadableUpload("「" + heading + "」の列がありません。このシステムから書き出した表を選んでください。");
        }
    }

    private static ChangedRow unplaced(UploadedSheet.Line line, String number, String organisation, String problem) {
        return new ChangedRow(line.number(), number, "", organisation, null, List.of(), List.of(), problem);
    }

    /** Every item of the tree by its number; an item whose number another shares maps to a JSON null. */
    private static void collect(JsonNode items, Map<String, JsonNode> byNumber) {
        for (JsonNode item : items) {
            if (!item.path("retired").asBoolean()) {
                String number = text(item.path("number"));
                byNumber.merge(number, item, (one, other) -> NullNode.getInstance());
            }
            collect(item.path("children"), byNumber);
        }
    }

    private static Map<String, JsonNode> byKey(JsonNode rows, Function<JsonNode, String> key) {
        Map<String, JsonNode> byKey = new HashMap<>();
        rows.forEach(row -> byKey.merge(key.apply(row), row,
                (one, other) -> NullNode.getInstance()));
        return byKey;
    }

    private static JsonNode yearOf(JsonNode item, FiscalYear year) {
        for (JsonNode figures : item.path("years")) {
            if (figures.path("fiscalYear").asInt() == year.value()) {
                return figures;
            }
        }
        return MissingNode.getInstance();
    }

    /** The target as the export prints it: the figure, or 目標なし with the reason. */
    private static String targetText(JsonNode figures) {
        return figures.path("noTargetReason").isString()
                ? "目標なし（" + figures.path("noTargetReason").asString() + "）" : number(figures.path("target"));
    }

    private static boolean same(String before, String after) {
        if (before.equals(after)) {
            return true;
        }
        BigDecimal one = decimal(before);
        BigDecimal other = decimal(after);
        return one != null && other != null && one.compareTo(other) == 0;
    }

    /** A number as people type it: full-width digits, thousands separators; null if it is not one. */
    static BigDecimal decimal(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replace(",", "").strip();
        try {
            return plain.isEmpty() ? null : new BigDecimal(plain);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static FiscalYear fiscalYear(String japanese) {
        return FiscalYear.parse(japanese.replace("年度", ""));
    }

    private static String number(JsonNode node) {
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : "";
    }

    static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.isNumber() ? number(node) : "";
    }

    private static String textOrNull(JsonNode node) {
        String text = text(node);
        return text.isEmpty() ? null : text;
    }
}
