package jp.shinko.events.jointproject;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import jp.shinko.events.InvalidField;

/**
 * What kind of body a joint project's partner (多様な主体) is, as seed 003 lists them: 民間企業,
 * 大学, NPO法人, 商工会議所・商工会, 観光協会, 社会福祉協議会 and the public and financial bodies
 * the platform of 調布市 joins. Left unstated where the documents do not say it.
 */
public enum PartnerKind {

    /** A company (民間企業). */
    COMPANY("company", "民間企業"),
    /** A university or research institute (大学・研究機関). */
    UNIVERSITY("university", "大学・研究機関"),
    /** A non-profit (NPO法人, 一般社団法人). */
    NON_PROFIT("non-profit", "NPO・団体"),
    /** A chamber of commerce (商工会議所・商工会). */
    CHAMBER_OF_COMMERCE("chamber-of-commerce", "商工会議所・商工会"),
    /** A tourism association (観光協会). */
    TOURISM_ASSOCIATION("tourism-association", "観光協会"),
    /** A social welfare council (社会福祉協議会). */
    SOCIAL_WELFARE("social-welfare", "社会福祉協議会"),
    /** A bank or credit guarantee body (金融機関). */
    FINANCIAL("financial", "金融機関"),
    /** A public support body (支援機関), such as a public corporation or a metropolitan institute. */
    SUPPORT_BODY("support-body", "支援機関"),
    /** Any other body. */
    OTHER("other", "その他");

    private final String wireName;
    private final String japanese;

    PartnerKind(String wireName, String japanese) {
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
    public static PartnerKind of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name) || kind.japanese.equals(name))
                .findFirst().orElseThrow(() -> new InvalidField("kind", name, "a partner is one of "
                        + Arrays.stream(values()).map(kind -> kind.wireName + " (" + kind.japanese + ")").toList()));
    }
}
