package jp.shinko.events.subsidy;

/**
 * The most a project may be granted in a year under its programme's terms, and the limit that
 * decides it, so that a refusal can name the limit and the amount that would be allowed.
 *
 * @param amountYen the most that may be granted, in whole yen
 * @param limit the term that sets it
 */
public record SubsidyGrant(long amountYen, SubsidyLimit limit) {

    /** Whether a requested grant is within the terms. */
    public boolean allows(long requestedYen) {
        return requestedYen >= 0 && requestedYen <= amountYen;
    }
}
