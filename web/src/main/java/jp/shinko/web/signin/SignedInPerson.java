package jp.shinko.web.signin;

import jp.shinko.web.asof.AsOfChoice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person and the instant they see the records as of on every page's model, for the header. */
@ControllerAdvice
class SignedInPerson {

    private final AsOfChoice asOf;

    SignedInPerson(AsOfChoice asOf) {
        this.asOf = asOf;
    }

    @ModelAttribute("person")
    SignedIn person(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : SignedIn.of(user);
    }

    @ModelAttribute("asOf")
    String asOf() {
        return asOf.shown().orElse(null);
    }
}
