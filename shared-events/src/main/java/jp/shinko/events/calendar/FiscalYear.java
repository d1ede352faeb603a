package jp.shinko.events.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese fiscal year (年度): 1 April to 31 March of the following calendar year, named by
 * the calendar year it starts in. Reiwa year N (令和N年度, "RN") is fiscal year 2018 + N; Heisei
 * year N (平成N年度, "HN") is 1988 + N.
 *
 * <p>People type it either way, so {@link #parse} accepts {@code 2025}, {@code R7} and
 * {@code 令和7} (also {@code 令和7年度}, {@code 令和元年度}, {@code H30}, {@code 平成30年度} and
 * full-width digits); events and the API write the plain year. The eras are the JDK's
 * ({@link JapaneseEra}), so the next era is read and printed once the JDK knows it.
 */
public record FiscalYear(@JsonValue int value) implements Comparable<FiscalYear> {

    /** The first fiscal year accepted: 平成元年度, for the baselines of plans that start in Reiwa. */
    public static final int FIRST = 1989;
    /** The last fiscal year accepted. */
    public static final int LAST = 2099;

    private static final int REIWA_OFFSET = 2018;
    private static final Pattern WESTERN = Pattern.compile("(?:FY)?(\\d{4})");
    private static final Pattern ERA_YEAR = Pattern.compile("(\\p{L}+)(\\d{1,2}|元)(?:年度?)?");

    /**
     * @throws InvalidFiscalYear when the year is outside {@value #FIRST}–{@value #LAST}
     */
    public FiscalYear {
        if (value < FIRST || value > LAST) {
            throw new InvalidFiscalYear(String.valueOf(value), "a fiscal year from " + FIRST + " (平成元年度) to "
                    + LAST + " is expected, not " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FiscalYear of(int value) {
        return new FiscalYear(value);
    }

    /** Reiwa year N, as in R7. */
    public static FiscalYear reiwa(int reiwaYear) {
        return new FiscalYear(REIWA_OFFSET + reiwaYear);
    }

    /**
     * Reads a fiscal year as people write it: {@code 2025}, {@code R7}, {@code 令和7}.
     *
     * @throws InvalidFiscalYear saying which forms are accepted
     */
    public static FiscalYear parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFiscalYear(text, "a fiscal year is required, written 2025, R7 or 令和7");
        }
        String normalised = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        Matcher western = WESTERN.matcher(normalised);
        if (western.matches()) {
            return new FiscalYear(Integer.parseInt(western.group(1)));
        }
        Matcher eraYear = ERA_YEAR.matcher(normalised);
        if (eraYear.matches()) {
            Optional<JapaneseEra> era = Arrays.stream(JapaneseEra.values())
                    .filter(candidate -> isNamed(candidate, eraYear.group(1)))
                    .findFirst();
            if (era.isPresent()) {
                String year = eraYear.group(2);
                try {
                    return new FiscalYear(JapaneseChronology.INSTANCE.prolepticYear(era.get(),
                            year.equals("元") ? 1 : Integer.parseInt(year)));
                } catch (DateTimeException noSuchYear) {
                    // such as R0 or H32: the era has no such year; said below like any other text
                }
            }
        }
        throw new InvalidFiscalYear(text, "a fiscal year is written 2025, R7 or 令和7; \"" + text
                + "\" is none of these");
    }

    /** Whether people name the era so: its letter (R, H) or its name (令和, 平成). */
    private static boolean isNamed(JapaneseEra era, String name) {
        return name.equals(era.getDisplayName(TextStyle.NARROW, Locale.ROOT))
                || name.equals(era.getDisplayName(TextStyle.FULL, Locale.JAPANESE));
    }

    /** The fiscal year a day falls in: 1 April 2025 to 31 March 2026 is 2025. */
    public static FiscalYear containing(LocalDate day) {
        return new FiscalYear(day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1);
    }

    /** N of 令和N年度. */
    public int reiwaYear() {
        return value - REIWA_OFFSET;
    }

    /**
     * As printed in the cities' tables: 令和7年度 (令和元年度 for the first year of an era). A
     * fiscal year is named in the era its first calendar year ends in: FY2019, which began in
     * Heisei 31, is 令和元年度.
     */
    public String japanese() {
        JapaneseDate endOfFirstYear = JapaneseDate.from(LocalDate.of(value, Month.DECEMBER, 31));
        int yearOfEra = endOfFirstYear.get(ChronoField.YEAR_OF_ERA);
        return endOfFirstYear.getEra().getDisplayName(TextStyle.FULL, Locale.JAPANESE)
                + (yearOfEra == 1 ? "元" : String.valueOf(yearOfEra)) + "年度";
    }

    public LocalDate firstDay() {
        return LocalDate.of(value, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(value + 1, Month.MARCH, 31);
    }

    public FiscalYear next() {
        return new FiscalYear(value + 1);
    }

    public boolean isAfter(FiscalYear other) {
        return value > other.value;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
