package jp.shinko.events.kpi;

import jp.shinko.events.InvalidField;

/**
 * The calendar year a statistic describes (2021), or a period of years (2016–2021) for rates
 * measured between two surveys.
 *
 * @param fromYear the first year
 * @param toYear the last year; the same as {@code fromYear} for a single year
 */
public record ReferencePeriod(int fromYear, int toYear) {

    /**
     * @throws InvalidField unless 1900 ≤ fromYear ≤ toYear ≤ 2100
     */
    public ReferencePeriod {
        if (fromYear < 1900 || toYear > 2100 || fromYear > toYear) {
            throw new InvalidField("fromYear", fromYear, "a reference is a year from 1900 to 2100, or a period "
                    + "whose first year is not after its last; got " + fromYear + "–" + toYear);
        }
    }

    @Override
    public String toString() {
        return fromYear == toYear ? String.valueOf(fromYear) : fromYear + "–" + toYear;
    }
}
