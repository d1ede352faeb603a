package jp.shinko.events.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import jp.shinko.events.DomainEvent;
import jp.shinko.events.calendar.AboutFiscalYear;
import jp.shinko.events.calendar.AboutQuarter;

/**
 * The period a fact is about (business time), as opposed to when it was recorded: a fiscal
 * year, and a quarter of it for a quarterly status.
 *
 * @param fiscalYear the fiscal year by the calendar year it starts in (2025 is 令和7年度)
 * @param quarter 1 to 4, or absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BusinessTime(int fiscalYear, Integer quarter) {

    /** The business time of an event, if it is about a fiscal year. */
    public static Optional<BusinessTime> of(DomainEvent event) {
        if (event instanceof AboutQuarter about) {
            return Optional.of(new BusinessTime(about.fiscalYear().value(), about.quarter().number()));
        }
        if (event instanceof AboutFiscalYear about) {
            return Optional.of(new BusinessTime(about.fiscalYear().value(), null));
        }
        return Optional.empty();
    }
}
