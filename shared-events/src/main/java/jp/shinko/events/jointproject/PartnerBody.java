package jp.shinko.events.jointproject;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A body other than a municipality that takes part in a joint project (【多様な主体】), named as
 * the project's documents name it, such as 清瀬市観光協会 or 3市町村観光協会.
 *
 * @param name the body as written
 * @param kind what kind of body it is; absent where the documents do not say
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerBody(String name, PartnerKind kind) {

    public PartnerBody {
        Objects.requireNonNull(name, "name");
    }
}
