package jp.shinko.events.council;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.plan.PlanId;

/**
 * A document presented to a council meeting: one of a plan's tables, pinned to the recorded
 * instant it was produced from, so an auditor reopens exactly what the council saw (the table
 * "as of" that instant).
 *
 * @param title the document as the meeting names it, e.g. 資料2 あきる野市商工業振興プラン 令和5年度～進捗状況まとめ
 * @param table which table it is
 * @param planId the plan it is a table of
 * @param fiscalYear the fiscal year of a table of one year; none for the plan and the KPIs
 * @param pinnedAt the recorded instant it was produced from, never after it was recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CouncilDocument(String title, CouncilTable table, PlanId planId, FiscalYear fiscalYear,
        Instant pinnedAt) {
}
