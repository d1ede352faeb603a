package jp.shinko.events.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter (期) of a fiscal year: 1期 April–June, 2期 July–September, 3期 October–December,
 * 4期 January–March of the following calendar year.
 */
public record Quarter(@JsonValue int number) {

    private static final Pattern TEXT = Pattern.compile("第?([1-4])期?");

    /**
     * @throws InvalidQuarter unless the number is 1 to 4
     */
    public Quarter {
        if (number < 1 || number > 4) {
            throw new InvalidQuarter(String.valueOf(number), "a quarter is 1 to 4 (1期 to 4期), not " + number);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Quarter of(int number) {
        return new Quarter(number);
    }

    /**
     * Reads a quarter as people write it: {@code 1} to {@code 4} or {@code 1期} to {@code 4期}.
     *
     * @throws InvalidQuarter saying which forms are accepted
     */
    public static Quarter parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFKC));
        if (!matcher.matches()) {
            throw new InvalidQuarter(text, "a quarter is written 1 to 4 or 1期 to 4期, not "
                    + (text == null ? "nothing" : "\"" + text + "\""));
        }
        return new Quarter(Integer.parseInt(matcher.group(1)));
    }

    /** Whether this is the 4th quarter, whose report closes the fiscal year. */
    public boolean isLast() {
        return number == 4;
    }

    /** The last day of this quarter of a fiscal year. */
    public LocalDate lastDay(FiscalYear year) {
        return year.firstDay().plusMonths(3L * number).minusDays(1);
    }

    /** As printed in the cities' tables: 1期. */
    public String japanese() {
        return number + "期";
    }

    @Override
    public String toString() {
        return String.valueOf(number);
    }
}
