package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import jp.shinko.events.InvalidField;

/** What the plan intends for an item over its period, as the cities tag it. */
public enum Outlook {

    /** 新規: started by this plan. */
    NEW("新規"),
    /** 拡充: continued and expanded. */
    EXPANDED("拡充"),
    /** 継続: continued as before. */
    CONTINUED("継続");

    private final String japanese;

    Outlook(String japanese) {
        this.japanese = japanese;
    }

    /** As the tables print it, and as the API and events write it. */
    @JsonValue
    public String japanese() {
        return japanese;
    }

    /**
     * @throws InvalidField naming the accepted tags
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Outlook of(String tag) {
        return Arrays.stream(values()).filter(outlook -> outlook.japanese.equals(tag)).findFirst()
                .orElseThrow(() -> new InvalidField("outlook", tag, "the outlook is one of 新規, 拡充, 継続"));
    }
}
