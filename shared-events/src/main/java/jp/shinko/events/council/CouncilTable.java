package jp.shinko.events.council;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import jp.shinko.events.InvalidField;

/** Which of a plan's tables a document presented to the council is. */
public enum CouncilTable {

    /** The plan's structure, 施策体系. */
    PLAN("plan", "施策体系", false),
    /** Annual targets, actuals and ratings (seed 004's table). */
    ANNUAL("annual", "年間目標・実績", true),
    /** Quarterly statuses (seed 001's 進行管理表). */
    QUARTERLY("quarterly", "四半期の進捗", true),
    /** The KPIs with baseline, latest figure and target (seed 000's first table). */
    KPIS("kpis", "成果指標", false),
    /** The review sheets of the year (seed 000's 施策シート). */
    REVIEW_SHEETS("narratives", "施策シート", true);

    private final String wireName;
    private final String japanese;
    private final boolean ofAFiscalYear;

    CouncilTable(String wireName, String japanese, boolean ofAFiscalYear) {
        this.wireName = wireName;
        this.japanese = japanese;
        this.ofAFiscalYear = ofAFiscalYear;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String japanese() {
        return japanese;
    }

    /** Whether the table is of one fiscal year, which the document then names. */
    public boolean isOfAFiscalYear() {
        return ofAFiscalYear;
    }

    /**
     * @throws InvalidField naming the tables there are
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CouncilTable of(String wireName) {
        return Arrays.stream(values()).filter(table -> table.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new InvalidField("table", wireName, "a table is plan (施策体系), annual "
                        + "(年間目標・実績), quarterly (四半期の進捗), kpis (成果指標) or narratives (施策シート)"));
    }
}
