package jp.shinko.command.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.infra.edge.ProblemType;

/** A council record that breaks a rule of the council year; nothing is stored. */
public final class CouncilRuleViolated extends RuleViolation {

    private CouncilRuleViolated(String message, Map<String, Object> values) {
        super(ProblemType.RULE_VIOLATED, message, values);
    }

    public static CouncilRuleViolated pinnedInTheFuture(String field, Instant pinnedAt, Instant now) {
        return new CouncilRuleViolated(field + ": " + pinnedAt + " is after now (" + now + "); a document is "
                + "pinned to an instant already recorded, so that it can be reopened as the council saw it",
                Map.of("field", field, "pinnedAt", pinnedAt.toString(), "now", now.toString()));
    }

    public static CouncilRuleViolated pinnedBeforeThePlan(String field, Instant pinnedAt, Instant adoptedAt) {
        return new CouncilRuleViolated(field + ": " + pinnedAt + " is before the plan was adopted (" + adoptedAt
                + "); a table is pinned to an instant it can be reopened at",
                Map.of("field", field, "pinnedAt", pinnedAt.toString(), "planAdoptedAt", adoptedAt.toString()));
    }

    public static CouncilRuleViolated outsideThePlan(String field, FiscalYear year, FiscalYear from, FiscalYear to) {
        return new CouncilRuleViolated(field + ": fiscal year " + year + " is outside the plan's period (" + from
                + " to " + to + ")", Map.of("field", field, "fiscalYear", year.value(), "fromFiscalYear", from.value(),
                        "toFiscalYear", to.value()));
    }

    public static CouncilRuleViolated citedByAClosedYear(String field, MeetingId meetingId, PlanId planId,
            FiscalYear closed) {
        return new CouncilRuleViolated(field + ": meeting " + meetingId + " closed fiscal year " + closed + " of plan "
                + planId + ", which stands on the year it reviewed and its day; those are not corrected",
                Map.of("field", field, "meetingId", meetingId, "planId", planId, "closedFiscalYear", closed.value()));
    }

    public static CouncilRuleViolated noSuchPlan(String field, PlanId planId) {
        return new CouncilRuleViolated(field + ": the municipality has no plan " + planId,
                Map.of("field", field, "planId", planId));
    }

    public static CouncilRuleViolated heldOutsideTheYear(FiscalYear year, LocalDate heldOn, LocalDate today) {
        return new CouncilRuleViolated("heldOn: " + heldOn + " is not between the start of fiscal year " + year + " ("
                + year.firstDay() + "), which the meeting reviews, and today (" + today + ")",
                Map.of("field", "heldOn", "heldOn", heldOn.toString(), "fiscalYear", year.value()));
    }

    public static CouncilRuleViolated correctionReasonRequired(String what) {
        return new CouncilRuleViolated("correctionReason: " + what + " is recorded already; say why it is corrected",
                Map.of("field", "correctionReason"));
    }

    public static CouncilRuleViolated noSuchMeeting(String field, MeetingId meetingId) {
        return new CouncilRuleViolated(field + ": the municipality has recorded no council meeting " + meetingId,
                Map.of("field", field, "meetingId", meetingId));
    }

    public static CouncilRuleViolated meetingOfAnotherYear(MeetingId meetingId, FiscalYear reviewed,
            FiscalYear closed) {
        return new CouncilRuleViolated("councilMeetingId: meeting " + meetingId + " reviewed fiscal year " + reviewed
                + ", not " + closed, Map.of("field", "councilMeetingId", "meetingId", meetingId,
                        "reviewedFiscalYear", reviewed.value()));
    }

    public static CouncilRuleViolated notTheMeetingsDay(LocalDate reportedOn, LocalDate heldOn) {
        return new CouncilRuleViolated("councilReportedOn: " + reportedOn + " is not the day of the meeting named ("
                + heldOn + "); leave it out to take the meeting's day", Map.of("field", "councilReportedOn",
                        "councilReportedOn", reportedOn.toString(), "heldOn", heldOn.toString()));
    }
}
