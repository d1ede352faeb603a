package jp.shinko.infra.security;

import java.util.Optional;
import jp.shinko.events.actor.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person whose verified request this thread is serving, for code that is not a controller. */
public final class CurrentActor {

    private CurrentActor() {
    }

    /** The caller of the request on this thread; empty outside an authenticated request. */
    public static Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ActorAuthentication verified
                ? Optional.of(verified.getPrincipal())
                : Optional.empty();
    }
}
