package jp.shinko.events.subsidy;

import java.math.BigInteger;
import jp.shinko.events.InvalidField;

/**
 * A programme's subsidy terms, as seed 003 prints those of 多様な主体との連携活動促進支援事業:
 * 補助期間 最長3年間, 補助上限額 1事業2,000万円 ※初年度は1,000万円, 補助率 2/3. Amounts are whole yen.
 *
 * @param maxYears the most fiscal years a project is subsidised (補助期間)
 * @param projectCapYen the most a project is granted over all its years (補助上限額)
 * @param firstYearCapYen the most it is granted in its first year (初年度の上限), at most the project's cap
 * @param rateNumerator the share of the eligible cost granted, over {@code rateDenominator} (補助率 2/3)
 * @param rateDenominator see {@code rateNumerator}
 */
public record SubsidyTerms(int maxYears, long projectCapYen, long firstYearCapYen, int rateNumerator,
        int rateDenominator) {

    /** The terms seed 003 prints for 多様な主体との連携活動促進支援事業. */
    public static final SubsidyTerms JOINT_ACTIVITIES = new SubsidyTerms(3, 20_000_000, 10_000_000, 2, 3);

    /**
     * @throws InvalidField naming the term that is out of range
     */
    public SubsidyTerms {
        if (maxYears < 1 || maxYears > 10) {
            throw new InvalidField("maxYears", maxYears, "a programme subsidises a project for 1 to 10 years");
        }
        if (projectCapYen < 1) {
            throw new InvalidField("projectCapYen", projectCapYen, "the cap per project is at least ¥1");
        }
        if (firstYearCapYen < 1 || firstYearCapYen > projectCapYen) {
            throw new InvalidField("firstYearCapYen", firstYearCapYen,
                    "the first year's cap is at least ¥1 and at most the cap per project (¥" + projectCapYen + ")");
        }
        if (rateDenominator < 1 || rateNumerator < 1 || rateNumerator > rateDenominator) {
            throw new InvalidField("rate", rateNumerator + "/" + rateDenominator,
                    "the rate is a fraction from above 0 up to 1, such as 2/3");
        }
    }

    /**
     * What may be granted to a project in one of its years, and which limit decides it: the rate
     * of the eligible cost (rounded down to the yen), the first year's cap, what remains of the
     * project's cap after the grants of its earlier years, and no grant after the last year.
     *
     * @param projectYear the project's year of subsidy, 1 for the fiscal year it was adopted
     * @param eligibleCostYen the eligible cost the application states for the year
     * @param grantedBeforeYen what the project was granted in its earlier years
     */
    public SubsidyGrant grantable(int projectYear, long eligibleCostYen, long grantedBeforeYen) {
        if (projectYear < 1) {
            throw new InvalidField("projectYear", projectYear, "a project's first year of subsidy is year 1");
        }
        if (eligibleCostYen < 0) {
            throw new InvalidField("eligibleCostYen", eligibleCostYen, "a cost is ¥0 or more");
        }
        if (projectYear > maxYears) {
            return new SubsidyGrant(0, SubsidyLimit.PERIOD);
        }
        SubsidyGrant grant = new SubsidyGrant(BigInteger.valueOf(eligibleCostYen)
                .multiply(BigInteger.valueOf(rateNumerator)).divide(BigInteger.valueOf(rateDenominator))
                .longValueExact(), SubsidyLimit.RATE);
        if (projectYear == 1 && firstYearCapYen < grant.amountYen()) {
            grant = new SubsidyGrant(firstYearCapYen, SubsidyLimit.FIRST_YEAR_CAP);
        }
        long remaining = Math.max(0, projectCapYen - grantedBeforeYen);
        if (remaining < grant.amountYen()) {
            grant = new SubsidyGrant(remaining, SubsidyLimit.PROJECT_CAP);
        }
        return grant;
    }
}
