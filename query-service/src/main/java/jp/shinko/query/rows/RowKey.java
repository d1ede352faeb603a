package jp.shinko.query.rows;

import java.util.Objects;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.EntryRef;

/**
 * Where a progress row is kept: its municipality and plan first, so one city's rows are read
 * together and never mixed with another's.
 *
 * @param planId the plan, or empty for rows of the municipality itself
 * @param kind which table the row belongs to
 * @param rowId the row within its plan and kind
 */
public record RowKey(String municipalityCode, String planId, String kind, String rowId) {

    public static final String SETTINGS = "settings";
    public static final String PLAN = "plan";
    public static final String ITEM = "item";
    public static final String FIGURE = "figure";
    public static final String STATUS = "status";
    public static final String NARRATIVE = "narrative";
    public static final String KPI = "kpi";
    public static final String OBSERVATION = "observation";

    public static RowKey of(MunicipalityCode municipality, PlanId planId, String kind, String rowId) {
        return new RowKey(municipality.value(), planId.value(), kind, rowId);
    }

    /** A plan's own row. */
    public static RowKey plan(MunicipalityCode municipality, PlanId planId) {
        return of(municipality, planId, PLAN, planId.value());
    }

    /** The row a cell of a plan's progress sits in: an item's target and actual of a year share one. */
    public static RowKey of(MunicipalityCode municipality, PlanId planId, EntryRef entry) {
        return of(municipality, planId, entry.accept(KIND_OF_ENTRY), entry.rowKey());
    }

    private static final EntryRef.Visitor<String> KIND_OF_ENTRY = new EntryRef.Visitor<>() {

        @Override
        public String annualFigure(EntryRef.AnnualFigure figure) {
            return FIGURE;
        }

        @Override
        public String quarterStatus(EntryRef.QuarterStatus status) {
            return STATUS;
        }

        @Override
        public String reviewSheet(EntryRef.ReviewSheet sheet) {
            return NARRATIVE;
        }

        @Override
        public String kpiObservation(EntryRef.KpiObservation observation) {
            return OBSERVATION;
        }

        @Override
        public String cityRating(EntryRef.CityRating rating) {
            return FIGURE; // on the row of the year's target and actual
        }
    };

    public static RowKey settings(MunicipalityCode municipality) {
        return new RowKey(municipality.value(), "", SETTINGS, municipality.value());
    }

    // Written out: a record's generated equals and hashCode were a tenth of a rebuild's work, every
    // event's row being looked up in hash maps several times.

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof RowKey key && Objects.equals(rowId, key.rowId)
                && Objects.equals(kind, key.kind) && Objects.equals(planId, key.planId)
                && Objects.equals(municipalityCode, key.municipalityCode);
    }

    @Override
    public int hashCode() {
        return ((Objects.hashCode(municipalityCode) * 31 + Objects.hashCode(planId)) * 31 + Objects.hashCode(kind)) * 31
                + Objects.hashCode(rowId);
    }
}
