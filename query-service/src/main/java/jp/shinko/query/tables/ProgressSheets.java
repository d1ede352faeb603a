package jp.shinko.query.tables;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusSymbol;
import jp.shinko.query.export.Sheet;
import jp.shinko.query.export.Sheet.Column;
import jp.shinko.query.tables.ProgressViews.AnnualRow;
import jp.shinko.query.tables.ProgressViews.KpiLine;
import jp.shinko.query.tables.ProgressViews.NarrativeSheet;
import jp.shinko.query.tables.ProgressViews.QuarterlyRow;
import jp.shinko.query.tables.ProgressViews.YearFigures;

/**
 * The progress tables as the cities print them for their councils: Japanese headings as in the
 * seed tables, fiscal years as 令和N年度, ratings and symbols as in the originals, figures with
 * their units and years as Tama writes them.
 */
final class ProgressSheets {

    private static final String PATH_SEPARATOR = " ＞ ";

    private ProgressSheets() {
    }

    /**
     * Akiruno's table with its eleven columns: the levels above each business (one column per
     * level where the plan names them), 実施事業, 実施主体, 目標とする姿 and 実施状況・課題 (of the
     * latest year with one), the baseline year's 実績値, and per fiscal year 年間目標, 実績 and 評価;
     * with ours beside them: 番号, 指標, 単位 and 達成率.
     */
    static Sheet annual(ProgressTables tables, Optional<FiscalYear> onlyYear, List<AnnualRow> rows) {
        List<Integer> years = new ArrayList<>(rows.stream().flatMap(row -> row.years().stream())
                .map(YearFigures::fiscalYear).collect(Collectors.toCollection(TreeSet::new)));
        List<String> levels = tables.plan().levelNames();
        int depth = rows.stream().mapToInt(row -> row.path().size()).max().orElse(0);
        boolean named = !levels.isEmpty() && levels.size() > depth;
        List<Column> columns = new ArrayList<>();
        if (named) {
            levels.subList(0, depth).forEach(level -> columns.add(Column.of(level)));
        } else {
            columns.add(Column.of("体系"));
        }
        columns.add(Column.of("番号"));
        columns.add(Column.of(named ? levels.get(depth) : "実施事業"));
        columns.add(Column.of("実施主体"));
        Optional<Integer> pictureYear = rows.stream().filter(row -> row.targetPicture() != null)
                .map(row -> row.targetPicture().fiscalYear()).max(Integer::compare);
        pictureYear.ifPresent(year -> columns.add(Column.of("目標とする姿(" + FiscalYear.of(year).japanese() + ")")));
        Optional<Integer> statusYear = rows.stream().flatMap(row -> row.years().stream())
                .filter(figures -> figures.statusAndIssues() != null).map(YearFigures::fiscalYear)
                .max(Integer::compare);
        statusYear.ifPresent(year -> columns.add(Column.of("実施状況・課題(" + FiscalYear.of(year).japanese() + ")")));
        columns.add(Column.of("指標"));
        columns.add(Column.of("単位"));
        Set<Integer> baselineYears = rows.stream().map(AnnualRow::baselineFiscalYear).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        boolean oneBaselineYear = baselineYears.size() == 1;
        if (oneBaselineYear) {
            columns.add(new Column(FiscalYear.of(baselineYears.iterator().next()).japanese(), "実績値"));
        } else {
            columns.add(Column.of("基準年度"));
            columns.add(Column.of("基準値"));
        }
        for (int year : years) {
            String group = FiscalYear.of(year).japanese();
            Stream.of("年間目標", "実績", "達成率(%)", "評価").forEach(name -> columns.add(new Column(group, name)));
        }
        List<List<Object>> cells = new ArrayList<>();
        for (AnnualRow row : rows) {
            List<Object> line = new ArrayList<>();
            if (named) {
                for (int level = 0; level < depth; level++) {
                    line.add(level < row.path().size() ? row.path().get(level) : "");
                }
            } else {
                line.add(String.join(PATH_SEPARATOR, row.path()));
            }
            line.add(row.number());
            line.add(title(row.title(), row.pageReference(), row.retired()));
            line.add(String.join("、", row.organisations()));
            Map<Integer, YearFigures> byYear = row.years().stream()
                    .collect(Collectors.toMap(YearFigures::fiscalYear, Function.identity()));
            pictureYear.ifPresent(year -> line.add(row.targetPicture() == null ? "" : row.targetPicture().text()));
            statusYear.ifPresent(year -> line.add(byYear.containsKey(year)
                    ? blankIfNull(byYear.get(year).statusAndIssues()) : ""));
            line.add(row.indicator());
            line.add(blankIfNull(row.unit()));
            if (!oneBaselineYear) {
                line.add(row.baselineFiscalYear() == null ? "" : FiscalYear.of(row.baselineFiscalYear()).japanese());
            }
            line.add(row.baselineValue());
            for (int year : years) {
                YearFigures figures = byYear.get(year);
                line.add(figures == null ? null : figures.noTargetReason() != null ? "目標なし（" + figures.noTargetReason()
                        + "）" : figures.target());
                line.add(figures == null ? null : figures.actual());
                line.add(figures == null ? null : figures.achievementPercent());
                line.add(figures == null ? null : printedRating(figures));
            }
            cells.add(line);
        }
        String period = onlyYear.map(FiscalYear::japanese).orElse("全年度");
        // the city's 評価指標 under its table, word for word, as the scheme of the last year shown has them
        RatingScheme scheme = tables.settings().schemeFor(years.isEmpty() ? tables.plan().toFiscalYear()
                : FiscalYear.of(years.get(years.size() - 1)));
        List<String> notes = new ArrayList<>(List.of("評価指標 詳細"));
        scheme.bands().forEach(band -> notes.add(band.label() + " " + band.description()));
        return new Sheet("進捗状況_" + period, List.of(tables.plan().name() + " 進捗状況まとめ（" + period + "）"),
                columns, cells, notes);
    }

    /** Musashino's table: per item and organisation the four quarters, the reason and the remark. */
    static Sheet quarterly(ProgressTables tables, FiscalYear year, List<QuarterlyRow> rows) {
        StatusLegend legend = tables.settings().legend();
        List<Column> columns = Stream.of("番号", "体系", "重点事業", "事業・取組みの名称", "主管課等").map(Column::of)
                .collect(Collectors.toCollection(ArrayList::new));
        Stream.of("1期", "2期", "3期", "4期").forEach(quarter -> columns.add(new Column("現年度の進捗状況", quarter)));
        columns.add(new Column("4期の評価理由（○、◎以外）", "選択肢"));
        columns.add(new Column("4期の評価理由（○、◎以外）", "理由"));
        columns.add(Column.of("備考"));
        List<List<Object>> cells = new ArrayList<>();
        for (QuarterlyRow row : rows) {
            List<Object> line = new ArrayList<>(List.of(row.number(), String.join(PATH_SEPARATOR, row.path()),
                    row.priority() ? "★" : "", title(row.title(), null, row.retired()), row.organisation()));
            row.quarters().forEach(symbol -> line.add(blankIfNull(symbol)));
            line.add(blankIfNull(row.reasonCode()));
            line.add(blankIfNull(row.reason()));
            line.add(remarks(row));
            cells.add(line);
        }
        List<String> titleLines = new ArrayList<>(List.of(tables.plan().name() + "の進行管理表（" + year.japanese()
                + "分）", "*凡例：" + legend.symbols().stream().filter(symbol -> !isOurs(symbol))
                .map(ProgressSheets::legendEntry).collect(Collectors.joining(" "))));
        legend.symbols().stream().filter(ProgressSheets::isOurs).findAny()
                .ifPresent(ours -> titleLines.add("（" + legendEntry(ours) + " は本システムが加えた記号）"));
        return new Sheet("進行管理表_" + year.japanese(), titleLines, columns, cells);
    }

    /**
     * 備考 as the city prints it: the remark, or where quarters said different things, each
     * quarter's remark after its quarter (1期：…).
     */
    private static String remarks(QuarterlyRow row) {
        List<String> distinct = row.remarks().stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.size() <= 1) {
            return blankIfNull(row.remark());
        }
        List<String> lines = new ArrayList<>();
        for (int quarter = 0; quarter < row.remarks().size(); quarter++) {
            if (row.remarks().get(quarter) != null) {
                lines.add((quarter + 1) + "期：" + row.remarks().get(quarter));
            }
        }
        return String.join("\n", lines);
    }

    /** The symbol the default legend adds to the city's own (/ for 対象外), printed apart from the city's legend. */
    private static boolean isOurs(StatusSymbol symbol) {
        return symbol.equals(StatusLegend.NOT_APPLICABLE);
    }

    private static String legendEntry(StatusSymbol symbol) {
        return symbol.symbol() + "…" + symbol.meaning();
    }

    /**
     * Tama's KPI table: the 方向性 each KPI answers to, baseline, next figure expected, target (both
     * as the city words them where it did), latest figure and standing.
     */
    static Sheet kpis(ProgressTables tables, List<KpiLine> rows) {
        List<Column> columns = Stream.of("方向性", "成果指標", "現状値", "次回数値更新（予定）", "目標", "最新値", "公表日",
                "評価", "出典").map(Column::of).toList();
        Map<String, String> names = rows.stream().collect(Collectors.toMap(row -> row.kpiId().value(), KpiLine::name));
        // the city's own wording where it gave one, so nothing is re-worded; ours from the figures otherwise
        List<List<Object>> cells = rows.stream().map(row -> List.<Object>of(String.join("\n", row.directions()),
                row.name(), row.baselineWording() != null ? row.baselineWording() : figure(row.baseline(), row.unit()),
                blankIfNull(row.nextFigureExpected()), row.targetWording() != null ? row.targetWording()
                        : target(row.target(), row.name(), row.unit(), names), figure(row.latest(), row.unit()),
                row.latestPublishedOn() == null ? "" : row.latestPublishedOn().toString(), row.assessmentJapanese(),
                blankIfNull(row.source()))).toList();
        return new Sheet("成果指標", List.of(tables.plan().name() + " 成果指標"), columns, cells);
    }

    /** Tama's review sheets of a year, one line per item. */
    static Sheet narratives(ProgressTables tables, FiscalYear year, List<NarrativeSheet> rows) {
        List<Column> columns = new ArrayList<>(Stream.of("方向性", "体系", "番号", "施策", "関連課等", "展望", "重点テーマ")
                .map(Column::of).toList());
        for (NarrativeField field : NarrativeField.REVIEW_SHEET) {
            columns.add(new Column(year.japanese(), field.japanese()));
        }
        List<List<Object>> cells = rows.stream().map(row -> List.<Object>of(direction(row.path()),
                String.join(PATH_SEPARATOR, row.path().stream().skip(1).toList()), row.number(), row.title(),
                String.join("、", row.organisations()), blankIfNull(row.outlook()),
                String.join("・", row.focusThemes()), blankIfNull(row.plannedContent()),
                blankIfNull(row.goalsAndFocus()), blankIfNull(row.results()), blankIfNull(row.issuesAhead())))
                .toList();
        return new Sheet("進行管理表_" + year.japanese(), List.of(tables.plan().name() + " 進行管理表（"
                + year.japanese() + "）"), columns, cells);
    }

    /** The 方向性 an item serves: the top of its path, as Tama's sheets head each 施策 with it. */
    private static String direction(List<String> path) {
        return path.isEmpty() ? "" : path.get(0);
    }

    /** As Tama prints a figure: 3,603事業所 (2021年), 0.0% (298,321百万円) (2020年), 6.12% (2016~2021年). */
    static String figure(KpiFigure figure, String unit) {
        if (figure == null) {
            return "";
        }
        String secondary = figure.secondaryValue() == null ? ""
                : " (" + number(figure.secondaryValue()) + figure.secondaryUnit() + ")";
        return number(figure.value()) + blankIfNull(unit) + secondary + " (" + years(figure.reference()) + ")";
    }

    /** As Tama prints a target: 3,900事業所以上 (2034年), 開業率が廃業率を上回る (2031~2034年). */
    static String target(KpiTarget target, String name, String unit, Map<String, String> namesById) {
        if (target == null) {
            return "";
        }
        String year = " (" + target.byYear() + "年)";
        if (target instanceof KpiTarget.AtLeast atLeast) {
            return number(atLeast.value()) + blankIfNull(unit) + "以上" + year;
        }
        if (target instanceof KpiTarget.AtMost atMost) {
            return number(atMost.value()) + blankIfNull(unit) + "以下" + year;
        }
        if (target instanceof KpiTarget.Sign sign) {
            return (sign.positive() ? "プラス" : "マイナス") + "を目指す" + year;
        }
        if (target instanceof KpiTarget.Direction direction) {
            return (direction.increase() ? "増加" : "減少") + "を目指す" + year;
        }
        KpiTarget.AboveKpi above = (KpiTarget.AboveKpi) target;
        return name + "が" + namesById.getOrDefault(above.otherKpiId().value(), above.otherKpiId().value()) + "を上回る ("
                + years(new ReferencePeriod(above.fromYear(), above.byYear())) + ")";
    }

    private static String years(ReferencePeriod period) {
        return (period.fromYear() == period.toYear() ? String.valueOf(period.fromYear())
                : period.fromYear() + "~" + period.toYear()) + "年";
    }

    private static String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0");
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    /** The rating that counts, and the band the figures fall in beside it where the city judged otherwise: B（目安A）. */
    private static String printedRating(YearFigures figures) {
        String counted = figures.ratingThatCounts();
        return figures.cityRating() == null || figures.rating() == null || figures.cityRating().equals(figures.rating())
                ? counted : counted + "（目安" + figures.rating() + "）";
    }

    /** An item's title as printed: with its page in the plan, and marked when retired. */
    private static String title(String title, String pageReference, boolean retired) {
        return (retired ? "（廃止）" : "") + title + (pageReference == null ? "" : " " + pageReference);
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
