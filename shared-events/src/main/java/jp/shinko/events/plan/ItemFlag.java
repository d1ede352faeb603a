package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.text.Normalizer;
import java.util.Arrays;
import jp.shinko.events.InvalidField;

/** A mark the cities print beside an item. */
public enum ItemFlag {

    /** ★重点事業 (also printed ★【重点事業】): a priority of the plan. */
    PRIORITY("重点事業"),
    /** 【新規事業】: a business new in this plan. */
    NEW_BUSINESS("新規事業");

    private final String japanese;

    ItemFlag(String japanese) {
        this.japanese = japanese;
    }

    @JsonValue
    public String japanese() {
        return japanese;
    }

    /**
     * Reads a flag as printed, with or without ★ and 【】.
     *
     * @throws InvalidField naming the accepted flags
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ItemFlag of(String printed) {
        String bare = printed == null ? "" : Normalizer.normalize(printed, Normalizer.Form.NFKC)
                .replaceAll("[★☆【】\\[\\]\\s]", "");
        return Arrays.stream(values()).filter(flag -> flag.japanese.equals(bare)).findFirst()
                .orElseThrow(() -> new InvalidField("flags", printed, "a flag is 重点事業 (★重点事業) or 新規事業 "
                        + "(【新規事業】)"));
    }
}
