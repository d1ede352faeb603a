package jp.shinko.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinko.command.council.CouncilRuleViolated;
import jp.shinko.command.plan.PlanCommands.CloseFiscalYear;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.CouncilMeetingRecorded;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.progress.FiscalYearClosed;

/**
 * The fiscal years of a plan that are closed, usually after the council report: a year is
 * closed once it is over and only once, and an entry of a closed year is recorded again only as
 * a correction with its reason. Pure, like the plan's other rule sets.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class ClosedYears {

    /** How each closed year was closed, in the order closed. */
    private List<FiscalYearClosed> closed = new ArrayList<>();

    /**
     * Closes the year if it is not yet closed; nothing when it already is. A council meeting named
     * must have reviewed that year, and the year was reported to the council on the meeting's day.
     *
     * @param meeting the council meeting the command names, {@code null} when it names none
     */
    List<Object> close(CloseFiscalYear command, PlanAdopted plan, CouncilMeetingRecorded meeting) {
        requireWithinPeriod(plan, command.fiscalYear());
        if (!command.today().isAfter(command.fiscalYear().lastDay())) {
            throw PlanRuleViolated.yearNotOver(command.fiscalYear());
        }
        LocalDate reported = command.councilReportedOn();
        if (meeting != null) {
            if (!meeting.fiscalYear().equals(command.fiscalYear())) {
                throw CouncilRuleViolated.meetingOfAnotherYear(meeting.meetingId(), meeting.fiscalYear(),
                        command.fiscalYear());
            }
            if (reported != null && !reported.equals(meeting.heldOn())) {
                throw CouncilRuleViolated.notTheMeetingsDay(reported, meeting.heldOn());
            }
            reported = meeting.heldOn();
        }
        if (reported != null
                && (reported.isBefore(command.fiscalYear().firstDay()) || reported.isAfter(command.today()))) {
            throw PlanRuleViolated.reportedOutsideTheYear(command.fiscalYear(), reported, command.today());
        }
        Optional<FiscalYearClosed> already = closure(command.fiscalYear());
        if (already.isPresent()) {
            FiscalYearClosed was = already.get();
            if (command.councilMeetingId() != null && !command.councilMeetingId().equals(was.councilMeetingId())
                    || reported != null && !reported.equals(was.councilReportedOn())) {
                throw PlanRuleViolated.closedOtherwise(was);
            }
            return List.of();
        }
        return List.of(new FiscalYearClosed(plan.municipalityCode(), plan.planId(), command.fiscalYear(), reported,
                command.councilMeetingId()));
    }

    /**
     * The correction reason an entry of this year carries: required once the year is closed;
     * before that, a new value simply supersedes the old one and no reason is kept.
     */
    String correction(FiscalYear year, String reason) {
        if (closure(year).isEmpty()) {
            return null;
        }
        if (reason == null) {
            throw PlanRuleViolated.yearClosed(year);
        }
        return reason;
    }

    private Optional<FiscalYearClosed> closure(FiscalYear year) {
        return closed.stream().filter(closure -> closure.fiscalYear().equals(year)).findFirst();
    }

    /** Refuses a year outside the plan's period. */
    static void requireWithinPeriod(PlanAdopted plan, FiscalYear year) {
        if (year.isAfter(plan.toFiscalYear()) || plan.fromFiscalYear().isAfter(year)) {
            throw PlanRuleViolated.outsidePeriod("fiscalYear", year, plan.fromFiscalYear(), plan.toFiscalYear());
        }
    }

    void on(FiscalYearClosed event) {
        closed.add(event);
    }
}
