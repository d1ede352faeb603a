package jp.shinko.infra.security;

import java.util.List;
import jp.shinko.events.actor.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A request authenticated by a verified token: its principal is the {@link Actor}, so
 * controllers take {@code @AuthenticationPrincipal Actor actor}, and its one authority is
 * {@code ROLE_<role>}, so URL rules can say {@code hasRole("admin")}.
 */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final transient Jwt token;

    /** The person a verified token names, with that token. */
    public ActorAuthentication(Actor actor, Jwt token) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().wireName())));
        this.actor = actor;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return actor.subject();
    }
}
