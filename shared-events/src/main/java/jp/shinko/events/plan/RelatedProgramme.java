package jp.shinko.events.plan;

import jp.shinko.events.InvalidField;

/**
 * One of the city's administrative programmes (関連事務事業) a 施策 is managed and evaluated with
 * (seed 002, chapter 6: 「本計画は、施策と関連事務事業を紐付け、一体的に管理・評価します。」), by the
 * city's own code and name.
 *
 * @param code the programme's code in the city's register, as the city writes it
 * @param name its name
 */
public record RelatedProgramme(String code, String name) {

    /**
     * @throws InvalidField naming the part that is missing or too long
     */
    public RelatedProgramme {
        code = required("code", code, 20);
        name = required("name", name, 100);
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidField("relatedProgrammes." + field, value, "is required");
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxLength || stripped.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidField("relatedProgrammes." + field, value, "has 1 to " + maxLength
                    + " characters on one line");
        }
        return stripped;
    }
}
