package jp.shinko.query.metropolitan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.shinko.query.export.Sheet;
import jp.shinko.query.export.Sheet.Column;
import jp.shinko.query.metropolitan.JointProjectViews.Municipality;
import jp.shinko.query.metropolitan.JointProjectViews.ProjectView;
import jp.shinko.query.metropolitan.JointProjectViews.ResultView;
import jp.shinko.query.metropolitan.JointProjectViews.SubsidyTotal;
import jp.shinko.query.metropolitan.JointProjectViews.SubsidyView;
import jp.shinko.query.metropolitan.JointProjectViews.Year;

/**
 * The joint projects as the Metropolitan Government prints them (seed 003: 目的, 概要, 連携
 * 【自治体】…（代表市）… 【多様な主体】…, 実績), one row per project, with each fiscal year's 補助金
 * beside them, and the subsidy totals per programme and year.
 */
final class JointProjectSheets {

    private JointProjectSheets() {
    }

    /** The projects, one row each; a column pair per fiscal year with a subsidy: 補助対象経費 and 補助金額. */
    static Sheet projects(String heading, Optional<Year> asked, List<ProjectView> projects) {
        List<Year> years = new ArrayList<>(projects.stream().flatMap(project -> project.subsidies().stream())
                .map(SubsidyView::fiscalYear).collect(Collectors.toCollection(
                        () -> new TreeSet<>((a, b) -> Integer.compare(a.value(), b.value())))));
        List<Column> columns = new ArrayList<>(List.of(Column.of("採択年度"), Column.of("事業名"), Column.of("事業"),
                Column.of("代表市"), Column.of("連携自治体"), Column.of("多様な主体"), Column.of("目的"),
                Column.of("概要")));
        years.forEach(year -> {
            columns.add(new Column(year.japanese(), "補助対象経費（円）"));
            columns.add(new Column(year.japanese(), "補助金額（円）"));
        });
        columns.add(Column.of("補助金合計（円）"));
        columns.add(Column.of("実績"));
        List<List<Object>> rows = new ArrayList<>();
        for (ProjectView project : projects) {
            List<Object> row = new ArrayList<>();
            row.add(project.fiscalYear().japanese());
            row.add(project.title());
            row.add(project.programme().title());
            row.add(project.leadMunicipality().name());
            row.add(project.partnerMunicipalities().stream().map(Municipality::name).collect(Collectors.joining("、")));
            row.add(project.partnerBodies().stream().map(JointProjectViews.PartnerBodyView::name)
                    .collect(Collectors.joining("、")));
            row.add(project.purpose());
            row.add(project.outline());
            for (Year year : years) {
                Optional<SubsidyView> subsidy = project.subsidies().stream()
                        .filter(decided -> decided.fiscalYear().value() == year.value()).findFirst();
                row.add(subsidy.map(SubsidyView::eligibleCostYen).orElse(null));
                row.add(subsidy.map(SubsidyView::grantYen).orElse(null));
            }
            row.add(project.subsidyTotalYen());
            row.add(project.results().stream().map(JointProjectSheets::result).collect(Collectors.joining("\n")));
            rows.add(row);
        }
        List<String> title = new ArrayList<>(List.of(heading));
        asked.ifPresent(year -> title.add(year.japanese() + "採択事業"));
        return new Sheet(asked.map(year -> "連携事業_" + year.japanese()).orElse("連携事業"), title, columns, rows);
    }

    private static String result(ResultView result) {
        return result.fiscalYear().japanese() + " " + result.part().name() + (result.lead() ? "（代表市）" : "") + "："
                + result.results();
    }

    /** The subsidy granted per programme and fiscal year. */
    static Sheet totals(String heading, List<SubsidyTotal> totals) {
        List<Column> columns = List.of(Column.of("事業"), Column.of("年度"), Column.of("補助事業数"),
                Column.of("補助対象経費（円）"), Column.of("補助金額（円）"));
        List<List<Object>> rows = new ArrayList<>();
        for (SubsidyTotal total : totals) {
            rows.add(List.of(total.programme().title() == null ? total.programme().itemId()
                    : total.programme().title(), total.fiscalYear().japanese(), total.projects(),
                    total.eligibleCostYen(), total.grantYen()));
        }
        return new Sheet("補助金集計", List.of(heading), columns, rows);
    }
}
