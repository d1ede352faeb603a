package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import jp.shinko.events.InvalidField;

/** What became of an item of a plan in the plan that succeeds it. */
public enum Carryover {

    /** 継続: it goes on as one item of the new plan. */
    CONTINUED("continued", "継続"),
    /** 統合: it and others became one item of the new plan. */
    MERGED("merged", "統合"),
    /** 分割: it became several items of the new plan. */
    SPLIT("split", "分割"),
    /** 終了: it ends with the old plan. */
    ENDED("ended", "終了");

    private final String wireName;
    private final String japanese;

    Carryover(String wireName, String japanese) {
        this.wireName = wireName;
        this.japanese = japanese;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String japanese() {
        return japanese;
    }

    /**
     * Whether it names the right number of the new plan's items: one when continued or merged,
     * two or more when split, none when ended.
     */
    public boolean admits(int items) {
        return switch (this) {
            case CONTINUED, MERGED -> items == 1;
            case SPLIT -> items >= 2;
            case ENDED -> items == 0;
        };
    }

    /**
     * @throws InvalidField naming the accepted kinds
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Carryover of(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new InvalidField("kind", wireName, "a carryover is continued (継続), merged "
                        + "(統合), split (分割) or ended (終了)"));
    }
}
