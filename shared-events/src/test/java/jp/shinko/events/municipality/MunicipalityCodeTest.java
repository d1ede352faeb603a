package jp.shinko.events.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MunicipalityCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"130001", "132039", "132241", "132284", "132217", "132225"})
    void acceptsTheCodesOfTokyoAndItsTamaCities(String code) {
        assertThat(MunicipalityCode.of(code).value()).isEqualTo(code);
    }

    @Test
    void checkDigitIsOneWhenTheWeightedSumIsAMultipleOfEleven() {
        // 0 → r = 0 → 11 − 0 = 11, last digit 1
        assertThat(MunicipalityCode.checkDigit("00000")).isEqualTo(1);
    }

    @Test
    void checkDigitIsZeroWhenTheWeightedSumLeavesOne() {
        // 6·2 = 12 → r = 1 → 11 − 1 = 10, last digit 0
        assertThat(MunicipalityCode.checkDigit("20000")).isEqualTo(0);
    }

    @Test
    void checkDigitOfTamaIsOne() {
        // 6·1 + 5·3 + 4·2 + 3·2 + 2·4 = 43 → r = 10 → 11 − 10 = 1
        assertThat(MunicipalityCode.checkDigit("13224")).isEqualTo(1);
    }

    @Test
    void rejectsAWrongCheckDigitAndSaysWhichDigitIsRight() {
        assertThatThrownBy(() -> MunicipalityCode.of("132240"))
                .isInstanceOfSatisfying(InvalidMunicipalityCode.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidMunicipalityCode.Reason.WRONG_CHECK_DIGIT))
                .hasMessage("the check digit of 132240 is wrong: for 13224 it is 1, so the code would be 132241");
    }

    @Test
    void rejectsTheFiveDigitCodeWithoutItsCheckDigit() {
        assertThatThrownBy(() -> MunicipalityCode.of("13224"))
                .isInstanceOfSatisfying(InvalidMunicipalityCode.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidMunicipalityCode.Reason.WRONG_LENGTH))
                .hasMessage("a municipality code has 6 digits (the 5-digit JIS X 0402 code and its check digit), "
                        + "\"13224\" has 5");
    }

    @Test
    void rejectsFullWidthDigits() {
        assertThatThrownBy(() -> MunicipalityCode.of("１３２２４１"))
                .isInstanceOfSatisfying(InvalidMunicipalityCode.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidMunicipalityCode.Reason.NOT_DIGITS));
    }

    @Test
    void rejectsAMissingCode() {
        assertThatThrownBy(() -> MunicipalityCode.of(null))
                .isInstanceOfSatisfying(InvalidMunicipalityCode.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidMunicipalityCode.Reason.MISSING));
    }

    @Test
    void printsAsTheBareCodeSoItCanServeAsAnAggregateIdentifier() {
        assertThat(MunicipalityCode.of("132284")).hasToString("132284");
    }
}
