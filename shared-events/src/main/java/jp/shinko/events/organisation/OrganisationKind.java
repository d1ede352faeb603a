package jp.shinko.events.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import jp.shinko.events.InvalidField;

/**
 * What kind of body an organisation is, as the cities' tables tell them apart: a 課 of the city
 * office, a 担当 (a section, often within a 課), the city itself where a table writes only 市,
 * or a body outside the city office (商工会議所, 商工会, a tourism association). A register leaves
 * the kind unstated where the city's documents do not say it.
 */
public enum OrganisationKind {

    /** A 課 of the city office, such as 産業振興課. */
    DEPARTMENT("department", "課"),
    /** A 担当 (section), such as 健幸まちづくり担当. */
    SECTION("section", "担当"),
    /** The city itself, where a table names no 課 (seed 004's 実施主体 「市」). */
    MUNICIPALITY("municipality", "市"),
    /** A body outside the city office, such as 商工会議所 or a tourism association. */
    OUTSIDE_BODY("outside-body", "外部団体");

    private final String wireName;
    private final String japanese;

    OrganisationKind(String wireName, String japanese) {
        this.wireName = wireName;
        this.japanese = japanese;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** How the kind is printed. */
    public String japanese() {
        return japanese;
    }

    /**
     * The kind of its wire name or its Japanese name.
     *
     * @throws InvalidField naming the accepted kinds
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OrganisationKind of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name) || kind.japanese.equals(name))
                .findFirst().orElseThrow(() -> new InvalidField("kind", name, "an organisation is a department (課), "
                        + "section (担当), municipality (市) or outside-body (外部団体)"));
    }
}
