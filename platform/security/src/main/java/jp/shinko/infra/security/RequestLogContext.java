package jp.shinko.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.events.actor.Actor;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts who asks, in which role, and about which municipality into the logging context (SLF4J's
 * MDC) while a request is answered, so every log line about the request names them; with
 * structured logging ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) each is a field of the JSON
 * line, beside the trace id the tracing puts there. Runs after the token is verified; a request
 * without a verified token has no subject.
 *
 * <p>The municipality is the one in the path ({@code /municipalities/132241/...}), else the
 * caller's own.
 */
public final class RequestLogContext extends OncePerRequestFilter {

    /** MDC key of the verified token's subject. */
    public static final String SUBJECT = "subject";

    /** MDC key of the caller's role, as in tokens ({@code municipal-editor}). */
    public static final String ROLE = "role";

    /** MDC key of the municipality the request is about. */
    public static final String MUNICIPALITY = "municipality";

    private static final Pattern MUNICIPALITY_PATH = Pattern.compile("^/municipalities/([0-9]{6})(?:/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = authentication instanceof ActorAuthentication verified ? verified.getPrincipal() : null;
        List<MDC.MDCCloseable> context = new ArrayList<>();
        try {
            if (actor != null) {
                context.add(MDC.putCloseable(SUBJECT, actor.subject()));
                context.add(MDC.putCloseable(ROLE, actor.role().wireName()));
            }
            String municipality = municipalityOf(request.getRequestURI(), actor);
            if (municipality != null) {
                context.add(MDC.putCloseable(MUNICIPALITY, municipality));
            }
            chain.doFilter(request, response);
        } finally {
            context.forEach(MDC.MDCCloseable::close);
        }
    }

    static String municipalityOf(String path, Actor actor) {
        Matcher inPath = MUNICIPALITY_PATH.matcher(path);
        if (inPath.find()) {
            return inPath.group(1);
        }
        return actor == null || actor.municipalityCode() == null ? null : actor.municipalityCode().value();
    }
}
