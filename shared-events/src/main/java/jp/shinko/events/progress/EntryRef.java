package jp.shinko.events.progress;

import java.util.Objects;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.plan.ItemId;

/**
 * One cell of a plan's progress that a city fills in and may fill in again: an item's annual
 * target or actual, the city's own rating of the item's year, a quarter's status of one
 * organisation's row, an item's texts for a year (its review sheet), or a KPI's published figure
 * for a reference year. A later entry for the same cell
 * supersedes the earlier one, which stays in history.
 *
 * <p>The one place where a cell is named: the plan record counts versions by {@link #key()},
 * the tables and folds keep a row per {@link #rowKey()}, and a message names the cell by
 * {@link #describe()}. A new kind of cell is a new record here, and every {@link Visitor} must
 * then say what it does with it.
 */
public sealed interface EntryRef {

    /** The cell's own key within its plan, such as {@code target|1-2|2025}: it counts the cell's versions. */
    String key();

    /**
     * The key of the table row the cell sits in, such as {@code 1-2|2025}: an item's target and
     * actual of one year share a row, as they share a line of the city's table.
     */
    String rowKey();

    /** The cell as people say it: "the annual target of item 1-2 for fiscal year 2025". */
    String describe();

    /** Hands the cell to the visitor's method for its kind. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each kind of cell; a new kind does not compile until every visitor handles it. */
    interface Visitor<R> {

        R annualFigure(AnnualFigure figure);

        R quarterStatus(QuarterStatus status);

        R reviewSheet(ReviewSheet sheet);

        R kpiObservation(KpiObservation observation);

        R cityRating(CityRating rating);
    }

    /** Which of an item's two figures of a year. */
    enum Figure {

        /** 年間目標. */
        TARGET("target", "the annual target"),
        /** 実績. */
        ACTUAL("actual", "the actual");

        private final String keyName;
        private final String described;

        Figure(String keyName, String described) {
            this.keyName = keyName;
            this.described = described;
        }
    }

    /** An item's annual target or actual for a fiscal year. */
    record AnnualFigure(ItemId itemId, FiscalYear fiscalYear, Figure figure) implements EntryRef {

        public AnnualFigure {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(fiscalYear, "fiscalYear");
            Objects.requireNonNull(figure, "figure");
        }

        @Override
        public String key() {
            return figure.keyName + "|" + rowKey();
        }

        @Override
        public String rowKey() {
            return itemId + "|" + fiscalYear;
        }

        @Override
        public String describe() {
            return figure.described + " of item " + itemId + " for fiscal year " + fiscalYear;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.annualFigure(this);
        }
    }

    /** The status of one organisation's row of an item in a quarter of a fiscal year. */
    record QuarterStatus(ItemId itemId, String organisation, FiscalYear fiscalYear, Quarter quarter)
            implements EntryRef {

        public QuarterStatus {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(fiscalYear, "fiscalYear");
            Objects.requireNonNull(quarter, "quarter");
        }

        @Override
        public String key() {
            return "status|" + itemId + "|" + organisation + "|" + fiscalYear + "|" + quarter;
        }

        @Override
        public String rowKey() {
            return itemId + "|" + organisation + "|" + fiscalYear + "|" + quarter;
        }

        @Override
        public String describe() {
            return "the status of item " + itemId + " (" + organisation + ") in quarter " + quarter
                    + " of fiscal year " + fiscalYear;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.quarterStatus(this);
        }
    }

    /** An item's review sheet (施策シート) for a fiscal year: its four fields are one cell. */
    record ReviewSheet(ItemId itemId, FiscalYear fiscalYear) implements EntryRef {

        public ReviewSheet {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(fiscalYear, "fiscalYear");
        }

        @Override
        public String key() {
            return "sheet|" + rowKey();
        }

        @Override
        public String rowKey() {
            return itemId + "|" + fiscalYear;
        }

        @Override
        public String describe() {
            return "the review sheet of item " + itemId + " for fiscal year " + fiscalYear;
        }

        /** The key of one of the sheet's fields. */
        public String fieldKey(NarrativeField field) {
            return rowKey() + "|" + field.wireName();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reviewSheet(this);
        }
    }

    /**
     * The city's own rating of an item for a fiscal year: a cell of its own, on the row of the
     * year's target and actual.
     */
    record CityRating(ItemId itemId, FiscalYear fiscalYear) implements EntryRef {

        public CityRating {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(fiscalYear, "fiscalYear");
        }

        @Override
        public String key() {
            return "rating|" + rowKey();
        }

        @Override
        public String rowKey() {
            return itemId + "|" + fiscalYear;
        }

        @Override
        public String describe() {
            return "the city's own rating of item " + itemId + " for fiscal year " + fiscalYear;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cityRating(this);
        }
    }

    /** A KPI's published figure for one reference year or period. */
    record KpiObservation(KpiId kpiId, ReferencePeriod reference) implements EntryRef {

        public KpiObservation {
            Objects.requireNonNull(kpiId, "kpiId");
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public String key() {
            return "observation|" + rowKey();
        }

        @Override
        public String rowKey() {
            return kpiId + "|" + reference;
        }

        @Override
        public String describe() {
            return "the figure of KPI " + kpiId + " for " + reference;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.kpiObservation(this);
        }
    }
}
