package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The texts a city writes about an item for a fiscal year: the four fields of a measure's review
 * sheet (Tama's 施策シート, {@link #REVIEW_SHEET}), and the two text columns of Akiruno's table,
 * 目標とする姿 (the picture aimed at, written for the plan's last year) and 実施状況・課題 (how the
 * year went, with its 課題 line). Each is kept as written.
 */
public enum NarrativeField {

    /** 事業内容: what is planned. */
    PLANNED_CONTENT("plannedContent", "事業内容"),
    /** 目標・注力する所: goals, focus, what changed. */
    GOALS_AND_FOCUS("goalsAndFocus", "目標・注力する所"),
    /** 実施結果: what went better or worse, whether it moved toward the goal. */
    RESULTS("results", "実施結果"),
    /** 以降の課題: issues for the following years. */
    ISSUES_AHEAD("issuesAhead", "以降の課題"),
    /** 目標とする姿: what the item aims to have achieved by the year (Akiruno: 令和8年度). */
    TARGET_PICTURE("targetPicture", "目標とする姿"),
    /** 実施状況・課題: how the year went and its issues, 「課題：」 line included (Akiruno). */
    STATUS_AND_ISSUES("statusAndIssues", "実施状況・課題");

    /** The four fields of a review sheet, in the order the sheet prints them. */
    public static final List<NarrativeField> REVIEW_SHEET = List.of(PLANNED_CONTENT, GOALS_AND_FOCUS, RESULTS,
            ISSUES_AHEAD);

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
