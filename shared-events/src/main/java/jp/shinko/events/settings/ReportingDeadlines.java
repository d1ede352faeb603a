package jp.shinko.events.settings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import jp.shinko.events.InvalidField;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;

/**
 * When a municipality's reports fall due: a quarter's statuses so many days after the quarter
 * ends, a fiscal year's actuals so many days after the year ends. The one rule by which every
 * view decides that a report is overdue.
 *
 * @param quarterlyStatusDays days after a quarter's last day by which its statuses are due
 * @param annualActualDays days after a fiscal year's last day (31 March) by which its actuals are due
 */
public record ReportingDeadlines(int quarterlyStatusDays, int annualActualDays) {

    /** 30 days after a quarter, 90 days after a fiscal year (end of June, before the council report). */
    public static final ReportingDeadlines DEFAULT = new ReportingDeadlines(30, 90);

    /** Longest allowed delay, in days. */
    public static final int MAX_DAYS = 365;

    /**
     * @throws InvalidField naming the field unless both are 0 to {@value #MAX_DAYS} days
     */
    public ReportingDeadlines {
        check("quarterlyStatusDays", quarterlyStatusDays);
        check("annualActualDays", annualActualDays);
    }

    private static void check(String field, int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidField(field, days, "a report falls due 0 to " + MAX_DAYS + " days after its period ends");
        }
    }

    /** The day a quarter's statuses are due. */
    public LocalDate statusDue(FiscalYear year, Quarter quarter) {
        return quarter.lastDay(year).plusDays(quarterlyStatusDays);
    }

    /** The day a fiscal year's actuals are due. */
    public LocalDate actualDue(FiscalYear year) {
        return year.lastDay().plusDays(annualActualDays);
    }

    /** Days a report due on {@code due} is overdue on {@code today}: positive once the due day has passed. */
    public static long daysOverdue(LocalDate due, LocalDate today) {
        return ChronoUnit.DAYS.between(due, today);
    }
}
