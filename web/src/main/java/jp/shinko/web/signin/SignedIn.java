package jp.shinko.web.signin;

import java.util.Map;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in, as the identity provider's ID token names them, and how the screens
 * speak of them.
 *
 * @param actor who they are: role, municipality and organisation
 */
public record SignedIn(Actor actor) {

    /** The person of a verified ID token: its {@code role}, {@code municipality_code} and {@code organisation}. */
    public static SignedIn of(OidcUser user) {
        Map<String, Object> claims = user.getClaims();
        Object municipality = claims.get("municipality_code");
        Object organisation = claims.get("organisation");
        return new SignedIn(new Actor(user.getSubject(), Role.fromWireName(String.valueOf(claims.get("role"))),
                municipality == null ? null : MunicipalityCode.of(municipality.toString()),
                organisation == null ? null : organisation.toString()));
    }

    /** The person signed in for the current request, if one is. */
    public static Optional<SignedIn> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OidcUser user
                ? Optional.of(of(user)) : Optional.empty();
    }

    /** The role as the screens name it. */
    public String roleJapanese() {
        return switch (actor.role()) {
            case MUNICIPAL_EDITOR -> "自治体の編集者";
            case MUNICIPAL_VIEWER -> "自治体の閲覧者";
            case METRO_ANALYST -> "東京都の分析担当";
            case METRO_EDITOR -> "東京都の編集者";
            case AUDITOR -> "監査担当";
            case ADMIN -> "運用管理者";
        };
    }

    /** Whether the person signed in for this request may change a municipality's records: its pages offer entry. */
    public static boolean mayWrite(String municipalityCode) {
        return current().filter(person -> person.actor().mayWrite(MunicipalityCode.of(municipalityCode))).isPresent();
    }

    /** Whether they may check the hash chains and download the audit bundles: auditors and administrators. */
    public boolean auditor() {
        return actor.role() == Role.AUDITOR || actor.role() == Role.ADMIN;
    }

    /** Whether they belong to one municipality, whose screens are theirs. */
    public boolean municipal() {
        return actor.role().isMunicipal();
    }
}
