package jp.shinko.web.signin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person on every page's model, for the header. */
@ControllerAdvice
class SignedInPerson {

    @ModelAttribute("person")
    SignedIn person(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : SignedIn.of(user);
    }
}
