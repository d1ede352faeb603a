package jp.shinko.query.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.shinko.events.plan.ItemFlag;
import jp.shinko.query.export.Sheet;
import jp.shinko.query.export.Sheet.Column;
import jp.shinko.query.plans.PlanViews.PlanSummary;
import jp.shinko.query.plans.PlanViews.TreeItem;

/**
 * A municipality's plans and a plan's structure (施策体系) as the cities print them: one column
 * per level of the tree, headed with the level's name where the plan names it, with each item's
 * number and title in its level's column, as seed 002's
 * 方針 | 施策 table sets them side by side, followed by what each item carries.
 */
final class PlanSheets {

    private PlanSheets() {
    }

    /** The list of a municipality's plans. */
    static Sheet list(String municipalityCode, List<PlanSummary> plans) {
        List<Column> columns = Stream.of("計画ID", "計画名", "計画期間", "状態", "計画の目標", "項目数", "うち廃止",
                "指標のある項目", "成果指標数", "締めた年度").map(Column::of).toList();
        List<List<Object>> rows = plans.stream().map(plan -> List.<Object>of(plan.planId().value(), plan.name(),
                plan.period().from().japanese() + "～" + plan.period().to().japanese(), plan.stateJapanese()
                        + (plan.ended() == null ? "" : "（" + plan.ended().lastFiscalYear().japanese() + "で終了："
                        + plan.ended().reason() + "）"), blankIfNull(plan.goal()),
                plan.items().total(), plan.items().retired(), plan.items().withIndicator(), plan.kpis(),
                plan.closedFiscalYears().stream().map(closed -> closed.fiscalYear().japanese())
                        .collect(Collectors.joining("、")))).toList();
        return new Sheet("計画一覧", List.of("計画一覧（" + municipalityCode + "）"), columns, rows);
    }

    /**
     * A plan's tree: a column per level (named as the plan names it, or numbered from the top),
     * then 展望, the flags, the focus themes, the responsible organisations, the page, 再掲 with
     * its explanation, the indicator, the related programmes (関連事務事業), whether the item was
     * retired, and its description.
     */
    static Sheet tree(PlanReading plan) {
        List<TreeItem> items = plan.inPrintOrder();
        int levels = items.stream().mapToInt(TreeItem::level).max().orElse(1);
        List<String> names = plan.plan().levelNames();
        levels = Math.max(levels, names.size());
        List<Column> columns = new ArrayList<>(IntStream.rangeClosed(1, levels)
                .mapToObj(level -> Column.of(level <= names.size() ? names.get(level - 1) : "第" + level + "階層"))
                .toList());
        Stream.of("展望", "重点等", "重点テーマ", "担当", "掲載頁", "再掲", "指標", "関連事務事業", "廃止", "概要").map(Column::of)
                .forEach(columns::add);
        List<List<Object>> rows = new ArrayList<>();
        for (TreeItem item : items) {
            List<Object> line = new ArrayList<>();
            for (int level = 1; level <= levels; level++) {
                line.add(level == item.level() ? item.number() + " " + item.title() : "");
            }
            line.add(blankIfNull(item.outlook()));
            line.add(item.flags().stream().map(PlanSheets::printedFlag).collect(Collectors.joining(" ")));
            line.add(String.join("・", item.focusThemes()));
            line.add(String.join("、", item.responsibleOrganisations()));
            line.add(blankIfNull(item.pageReference()));
            line.add(item.reportedWith() == null ? "" : "再掲 ※" + blankIfNull(item.reportedWith().number()) + " "
                    + blankIfNull(item.reportedWith().title())
                    + (item.reportedWithNote() == null ? "" : "（" + item.reportedWithNote() + "）"));
            line.add(item.indicator() == null ? "" : item.indicator().name()
                    + (item.indicator().unit() == null ? "" : "（" + item.indicator().unit() + "）"));
            line.add(item.relatedProgrammes().stream().map(programme -> programme.code() + " " + programme.name())
                    .collect(Collectors.joining("、")));
            line.add(item.retired() ? "廃止" + (item.retiredReason() == null ? "" : "：" + item.retiredReason()) : "");
            line.add(blankIfNull(item.description()));
            rows.add(line);
        }
        String name = plan.plan().name();
        List<String> titleLines = new ArrayList<>(List.of(name + " 施策体系", "計画期間："
                + plan.plan().fromFiscalYear().japanese() + "～" + plan.plan().toFiscalYear().japanese()));
        if (plan.plan().goal() != null) {
            titleLines.add("計画の目標：" + plan.plan().goal());
        }
        return new Sheet("施策体系", titleLines, columns, rows);
    }

    /** As the cities print a flag: ★重点事業, 【新規事業】. */
    private static String printedFlag(String flag) {
        return ItemFlag.PRIORITY.japanese().equals(flag) ? "★" + flag : "【" + flag + "】";
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
