package jp.shinko.query.rows;

import java.util.List;
import jp.shinko.events.plan.PlanId;

/**
 * Progress rows kept for reading. The live tables keep them in PostgreSQL; views read rows
 * only through this, so rows folded in memory for an earlier instant can be read the same way.
 */
public interface ProgressRows extends FoldedRows {

    /** The rows of one kind of a municipality's plan (or of the municipality, for plan id ""). */
    <R extends ProgressRow> List<R> list(String municipalityCode, String planId, String kind, Class<R> type);

    /** A municipality's plans, in the order of their ids. */
    List<ProgressRow.Plan> plans(String municipalityCode);

    /** The rows of one kind of a municipality's plan. */
    default <R extends ProgressRow> List<R> list(String municipalityCode, PlanId planId, String kind,
            Class<R> type) {
        return list(municipalityCode, planId.value(), kind, type);
    }
}
