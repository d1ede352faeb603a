package jp.shinko.events.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.shinko.events.InvalidField;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of issue 19 with seed 003's terms for 多様な主体との連携活動促進支援事業:
 * 補助期間 最長3年間, 補助上限額 1事業2,000万円 ※初年度は1,000万円, 補助率 2/3.
 */
class SubsidyTermsTest {

    private static final SubsidyTerms SEED = SubsidyTerms.JOINT_ACTIVITIES;

    @Test
    void aFirstYearCostOfTwelveMillionIsGrantedTwoThirds() {
        assertThat(SEED.grantable(1, 12_000_000, 0)).isEqualTo(new SubsidyGrant(8_000_000, SubsidyLimit.RATE));
    }

    @Test
    void aFirstYearCostOfEighteenMillionIsCutToTheFirstYearsCap() {
        SubsidyGrant grant = SEED.grantable(1, 18_000_000, 0);

        assertThat(grant).isEqualTo(new SubsidyGrant(10_000_000, SubsidyLimit.FIRST_YEAR_CAP));
        assertThat(grant.allows(10_000_000)).isTrue();
        assertThat(grant.allows(12_000_000)).as("two thirds of the cost, over the cap").isFalse();
    }

    @Test
    void theThirdYearIsCutToWhatRemainsOfTheProjectsCap() {
        long first = SEED.grantable(1, 15_000_000, 0).amountYen();
        long second = SEED.grantable(2, 12_000_000, first).amountYen();
        SubsidyGrant third = SEED.grantable(3, 9_000_000, first + second);

        assertThat(first).isEqualTo(10_000_000);
        assertThat(second).isEqualTo(8_000_000);
        assertThat(third).as("two thirds would be ¥6,000,000; ¥2,000,000 of the ¥20,000,000 remain")
                .isEqualTo(new SubsidyGrant(2_000_000, SubsidyLimit.PROJECT_CAP));
        assertThat(first + second + third.amountYen()).isEqualTo(20_000_000);
    }

    @Test
    void laterYearsHaveNoCapOfTheirOwnButTheProjects() {
        assertThat(SEED.grantable(2, 18_000_000, 8_000_000)).isEqualTo(new SubsidyGrant(12_000_000,
                SubsidyLimit.RATE));
        assertThat(SEED.grantable(2, 30_000_000, 10_000_000)).isEqualTo(new SubsidyGrant(10_000_000,
                SubsidyLimit.PROJECT_CAP));
    }

    @Test
    void thereIsNoGrantAfterTheLastYear() {
        assertThat(SEED.grantable(4, 3_000_000, 12_000_000)).isEqualTo(new SubsidyGrant(0, SubsidyLimit.PERIOD));
    }

    @Test
    void theRateRoundsDownToTheYen() {
        assertThat(SEED.grantable(1, 1_000_000, 0).amountYen()).isEqualTo(666_666);
    }

    @Test
    void termsOutOfRangeAreRefusedNamingTheTerm() {
        assertThatThrownBy(() -> new SubsidyTerms(3, 20_000_000, 30_000_000, 2, 3))
                .isInstanceOfSatisfying(InvalidField.class, invalid ->
                        assertThat(invalid.field()).isEqualTo("firstYearCapYen"));
        assertThatThrownBy(() -> new SubsidyTerms(3, 20_000_000, 10_000_000, 4, 3))
                .isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("rate"));
        assertThatThrownBy(() -> SEED.grantable(0, 1, 0)).isInstanceOf(InvalidField.class);
    }
}
