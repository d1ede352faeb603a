package jp.shinko.command.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.infra.edge.ProblemType;

/** A plan command that breaks a rule of the plan's tree; nothing is stored. */
final class PlanRuleViolated extends RuleViolation {

    private PlanRuleViolated(ProblemType type, String message, Map<String, Object> values) {
        super(type, message, values);
    }

    static PlanRuleViolated alreadyAdopted(PlanId planId, String name) {
        return new PlanRuleViolated(ProblemType.ALREADY_EXISTS, "plan " + planId + " is already adopted as " + name
                + "; choose another id for another plan", Map.of("planId", planId, "name", name));
    }

    static PlanRuleViolated itemExists(ItemId itemId) {
        return new PlanRuleViolated(ProblemType.ALREADY_EXISTS, "item " + itemId + " already exists in this plan "
                + "with other content; item ids are never reused", Map.of("itemId", itemId));
    }

    static PlanRuleViolated noSuchItem(String field, ItemId itemId) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": there is no item " + itemId
                + " in this plan", Map.of("field", field, "itemId", itemId));
    }

    static PlanRuleViolated retired(String field, ItemId itemId) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": item " + itemId + " is retired; "
                + "nothing more is recorded for it", Map.of("field", field, "itemId", itemId));
    }

    static PlanRuleViolated numberTaken(String number, String siblingId) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "number: " + number + " is already the number of item "
                + siblingId + " at the same place in the plan; numbers are unique among siblings",
                Map.of("field", "number", "number", number, "itemId", siblingId));
    }

    static PlanRuleViolated underItself(ItemId itemId, ItemId parentItemId) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "parentItemId: item " + itemId + " cannot be put under "
                + parentItemId + ", which is " + itemId + " itself or one of its own items",
                Map.of("field", "parentItemId", "itemId", itemId, "parentItemId", parentItemId));
    }

    static PlanRuleViolated hasActiveItems(ItemId itemId, long count) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "item " + itemId + " still has " + count
                + " items under it; retire or move them first", Map.of("itemId", itemId, "activeItems", count));
    }

    static PlanRuleViolated staleVersion(ItemId itemId, long current, long expected) {
        return new PlanRuleViolated(ProblemType.STALE_VERSION, "item " + itemId + " is at version " + current
                + ", not " + expected + " as sent: someone changed it meanwhile; read it again and retry if still "
                + "needed", Map.of("itemId", itemId, "currentVersion", current, "expectedVersion", expected));
    }

    static PlanRuleViolated noIndicator(ItemId itemId) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "itemId: item " + itemId + " has no indicator yet; "
                + "define what it counts and in which unit first (PUT .../items/" + itemId + "/indicator)",
                Map.of("field", "itemId", "itemId", itemId));
    }

    static PlanRuleViolated otherUnit(ItemId itemId, String indicatorUnit, String unit) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "unit: item " + itemId + " counts in " + indicatorUnit
                + ", not " + unit, Map.of("field", "unit", "indicatorUnit", indicatorUnit, "unit", unit));
    }

    static PlanRuleViolated unitInUse(ItemId itemId, String indicatorUnit, String unit) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "unit: item " + itemId + " already has targets or "
                + "actuals in " + indicatorUnit + "; its unit cannot become " + unit,
                Map.of("field", "unit", "indicatorUnit", indicatorUnit, "unit", unit));
    }

    static PlanRuleViolated closedOtherwise(FiscalYearClosed closure) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("field", closure.councilMeetingId() != null ? "councilMeetingId" : "councilReportedOn");
        values.put("fiscalYear", closure.fiscalYear().value());
        if (closure.councilReportedOn() != null) {
            values.put("councilReportedOn", closure.councilReportedOn().toString());
        }
        if (closure.councilMeetingId() != null) {
            values.put("councilMeetingId", closure.councilMeetingId().value());
        }
        return new PlanRuleViolated(ProblemType.ALREADY_EXISTS, "fiscal year " + closure.fiscalYear()
                + " is already closed" + (closure.councilReportedOn() == null ? "" : ", reported to the council on "
                + closure.councilReportedOn()) + (closure.councilMeetingId() == null ? "" : " at meeting "
                + closure.councilMeetingId()) + "; a year is closed once", values);
    }

    static PlanRuleViolated yearNotOver(FiscalYear year) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "fiscalYear: fiscal year " + year + " is not over "
                + "yet (it ends on " + year.lastDay() + "); a year is closed after its report to the council",
                Map.of("field", "fiscalYear", "fiscalYear", year.toString(), "endsOn", year.lastDay().toString()));
    }

    static PlanRuleViolated reportedOutsideTheYear(FiscalYear year, LocalDate reported, LocalDate today) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "councilReportedOn: " + reported + " is not between "
                + "the start of fiscal year " + year + " (" + year.firstDay() + ") and today (" + today + ")",
                Map.of("field", "councilReportedOn", "councilReportedOn", reported.toString()));
    }

    static PlanRuleViolated outsidePeriod(String field, Object year, Object from, Object to) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": fiscal year " + year + " is outside the "
                + "plan period " + from + "–" + to, Map.of("field", field, "fiscalYear", year.toString(),
                "planFrom", from.toString(), "planTo", to.toString()));
    }

    static PlanRuleViolated notRegistered(String field, String organisation, List<String> registered) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": " + organisation + " is not an organisation "
                + "of the municipality's register (by name, alias or former name); register it first, or name one "
                + "of: " + String.join(", ", registered),
                Map.of("field", field, "organisation", organisation, "registeredOrganisations", registered));
    }

    static PlanRuleViolated notResponsible(ItemId itemId, String organisation, List<String> responsible) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "organisation: " + organisation + " is not responsible "
                + "for item " + itemId + "; its rows are those of " + String.join(", ", responsible),
                Map.of("field", "organisation", "organisation", organisation, "responsibleOrganisations", responsible));
    }

    static PlanRuleViolated notInList(String field, String value, String listName, String allowed) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": " + value + " is not in the municipality's "
                + listName + " (" + allowed + ")", Map.of("field", field, "allowed", allowed));
    }

    static PlanRuleViolated reasonRequired(String symbol, String allowed) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "reasonCode: a 4th-quarter status " + symbol
                + " needs a reason code from the municipality's list (" + allowed + ")",
                Map.of("field", "reasonCode", "allowed", allowed));
    }

    static PlanRuleViolated noSuchKpi(String field, KpiId kpiId) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": there is no KPI " + kpiId
                + " in this plan", Map.of("field", field, "kpiId", kpiId));
    }

    static PlanRuleViolated yearClosed(Object year) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "correctionReason: fiscal year " + year + " is closed; "
                + "a change to it is a correction: send correctionReason saying why",
                Map.of("field", "correctionReason", "fiscalYear", year.toString()));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static PlanRuleViolated staleEntry(String entry, long current, long expected) {
        return new PlanRuleViolated(ProblemType.STALE_VERSION, capitalised(entry) + " is at version " + current
                + ", not " + expected + " as sent: someone changed it meanwhile; read it again and retry if still "
                + "needed",
                Map.of("entry", entry, "currentVersion", current, "expectedVersion", expected));
    }

    static PlanRuleViolated ended(PlanId planId, FiscalYear lastFiscalYear) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "plan " + planId + " ended after fiscal year "
                + lastFiscalYear + "; an ended plan is not revised or ended again, and takes nothing after its end",
                Map.of("planId", planId, "lastFiscalYear", lastFiscalYear.toString()));
    }

    static PlanRuleViolated periodExcludesEntries(FiscalYear from, FiscalYear to, FiscalYear first, FiscalYear last) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "fromFiscalYear, toFiscalYear: the period " + from
                + "–" + to + " leaves out entries recorded for fiscal years " + first + "–" + last
                + "; a period covers every year the plan has entries for",
                Map.of("field", "toFiscalYear", "firstRecordedFiscalYear", first.toString(),
                        "lastRecordedFiscalYear", last.toString()));
    }

    static PlanRuleViolated levelsTooFew(int named, int depth) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "levelNames: " + named + " level names for a tree "
                + depth + " levels deep; name every level the plan's items are on, from the top",
                Map.of("field", "levelNames", "levelNames", named, "treeDepth", depth));
    }

    static PlanRuleViolated tooDeep(String field, int level, int allowed, boolean named) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": the item would be on level " + level
                + ", but the plan " + (named ? "names " + allowed + " levels; revise the plan's level names first"
                        : "has at most " + allowed + " levels"),
                Map.of("field", field, "level", level, "allowedLevels", allowed));
    }

    static PlanRuleViolated noSuchItem(String field, ItemId itemId, String where) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": there is no item " + itemId + " " + where,
                Map.of("field", field, "itemId", itemId));
    }

    static PlanRuleViolated noSuchPlan(String field, PlanId planId, String why) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": " + planId + " cannot be succeeded by this "
                + "plan: " + why, Map.of("field", field, "planId", planId));
    }

    static PlanRuleViolated alreadySucceeds(PlanId planId, PlanId predecessor) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "predecessorPlanId: plan " + planId + " succeeds "
                + predecessor + " already", Map.of("field", "predecessorPlanId", "predecessorPlanId", predecessor));
    }

    static PlanRuleViolated overlaps(PlanId predecessor, FiscalYear last, FiscalYear from) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "predecessorPlanId: plan " + predecessor + " runs to "
                + "fiscal year " + last + ", and this plan begins in " + from + "; a successor begins after its "
                + "predecessor's last year (end the predecessor first)",
                Map.of("field", "predecessorPlanId", "predecessorLastFiscalYear", last.toString(),
                        "fromFiscalYear", from.toString()));
    }

    static PlanRuleViolated noPredecessor(PlanId planId) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, "plan " + planId + " records no predecessor; record "
                + "the plan it succeeds first", Map.of("planId", planId));
    }

    static PlanRuleViolated notPartOf(String field, String why) {
        return new PlanRuleViolated(ProblemType.RULE_VIOLATED, field + ": " + why, Map.of("field", field));
    }

    static PlanRuleViolated notRegistered(Object municipality) {
        return new PlanRuleViolated(ProblemType.NOT_FOUND, "municipality " + municipality + " is not registered; "
                + "an admin registers it (POST /municipalities) before it adopts a plan",
                Map.of("municipalityCode", municipality.toString()));
    }
}
