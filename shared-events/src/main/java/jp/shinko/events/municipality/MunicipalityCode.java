package jp.shinko.events.municipality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A municipality's national local-government code (全国地方公共団体コード, JIS X 0402): five digits
 * and a check digit, such as {@code 132241} for Tama.
 *
 * <p>Only codes with a correct check digit can be constructed, so a typo is caught where it is
 * typed, not when two cities' records have been mixed up. The code is also the first part of
 * every aggregate identifier and the Kafka key, which keeps each city's events together.
 */
public record MunicipalityCode(@JsonValue String value) {

    private static final int LENGTH = 6;

    /**
     * 東京都, the Tokyo Metropolitan Government: the national code covers prefectures too (their
     * three digits after the prefecture's are 000). Its own records are kept under this code.
     */
    public static final MunicipalityCode TOKYO_METROPOLITAN_GOVERNMENT = new MunicipalityCode("130001");

    public MunicipalityCode {
        validate(value);
    }

    /** Whether the code is a prefecture's (such as 東京都's 130001) rather than a city's, town's or village's. */
    public boolean isPrefecture() {
        return value.startsWith("000", 2);
    }

    /** Parses a code such as {@code "132241"}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MunicipalityCode of(String value) {
        return new MunicipalityCode(value);
    }

    /**
     * The JIS X 0402 check digit of the first five digits: s = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5,
     * r = s mod 11, check = (11 − r) mod 10.
     *
     * @param firstFiveDigits five ASCII digits
     */
    public static int checkDigit(String firstFiveDigits) {
        if (firstFiveDigits == null || firstFiveDigits.length() != 5 || !isAsciiDigits(firstFiveDigits)) {
            throw new IllegalArgumentException("a check digit needs exactly five digits, got " + firstFiveDigits);
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (6 - i) * (firstFiveDigits.charAt(i) - '0');
        }
        return (11 - sum % 11) % 10;
    }

    private static void validate(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidMunicipalityCode(InvalidMunicipalityCode.Reason.MISSING, value,
                    "a municipality code is required: 6 digits, the 5-digit JIS X 0402 code and its check digit, "
                            + "e.g. 132241");
        }
        if (value.length() != LENGTH) {
            throw new InvalidMunicipalityCode(InvalidMunicipalityCode.Reason.WRONG_LENGTH, value,
                    "a municipality code has 6 digits (the 5-digit JIS X 0402 code and its check digit), \""
                            + value + "\" has " + value.codePointCount(0, value.length()));
        }
        if (!isAsciiDigits(value)) {
            throw new InvalidMunicipalityCode(InvalidMunicipalityCode.Reason.NOT_DIGITS, value,
                    "a municipality code has only the digits 0-9, \"" + value + "\" has other characters");
        }
        int expected = checkDigit(value.substring(0, 5));
        if (value.charAt(5) - '0' != expected) {
            throw new InvalidMunicipalityCode(InvalidMunicipalityCode.Reason.WRONG_CHECK_DIGIT, value,
                    "the check digit of " + value + " is wrong: for " + value.substring(0, 5) + " it is " + expected
                            + ", so the code would be " + value.substring(0, 5) + expected);
        }
    }

    private static boolean isAsciiDigits(String value) {
        return value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return value;
    }
}
