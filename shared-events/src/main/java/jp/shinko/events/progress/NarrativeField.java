package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The four fields of a measure's review sheet for a fiscal year (Tama's 施策シート). */
public enum NarrativeField {

    /** 事業内容: what is planned. */
    PLANNED_CONTENT("plannedContent", "事業内容"),
    /** 目標・注力する所: goals, focus, what changed. */
    GOALS_AND_FOCUS("goalsAndFocus", "目標・注力する所"),
    /** 実施結果: what went better or worse, whether it moved toward the goal. */
    RESULTS("results", "実施結果"),
    /** 以降の課題: issues for the following years. */
    ISSUES_AHEAD("issuesAhead", "以降の課題");

    private final String wireName;
    private final String japanese;

    NarrativeField(String wireName, String japanese) {
        this.wireName = wireName;
        this.japanese = japanese;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** As the sheets print it. */
    public String japanese() {
        return japanese;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static NarrativeField of(String wireName) {
        return Arrays.stream(values()).filter(field -> field.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a narrative field is one of " + allowed()));
    }

    /** The wire names, for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(NarrativeField::wireName).collect(Collectors.joining(", "));
    }
}
