package jp.shinko.events.subsidy;

/** The limit of a programme's terms that decides a grant. */
public enum SubsidyLimit {

    /** The rate of the eligible cost (補助率). */
    RATE("補助率"),
    /** The cap of the project's first year (初年度の上限). */
    FIRST_YEAR_CAP("初年度の補助上限額"),
    /** What remains of the cap per project over all its years (補助上限額). */
    PROJECT_CAP("1事業の補助上限額"),
    /** The period of subsidy is over (補助期間). */
    PERIOD("補助期間");

    private final String japanese;

    SubsidyLimit(String japanese) {
        this.japanese = japanese;
    }

    /** The term as the programme's documents name it. */
    public String japanese() {
        return japanese;
    }
}
