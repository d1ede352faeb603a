package jp.shinko.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers refused requests as RFC 9457 problem details, like every other error of the API: 401
 * (with the {@code WWW-Authenticate} header of RFC 6750) when no valid token came, 403 when a
 * verified person may not do what they asked.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String UNAUTHENTICATED = "urn:shinko:problem:unauthenticated";
    static final String FORBIDDEN = "urn:shinko:problem:forbidden";

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearerChallenge.commence(request, response, refused);
        String detail = refused instanceof OAuth2AuthenticationException invalid
                ? "the bearer token was refused: " + invalid.getError().getDescription()
                : "this request needs a bearer token: send 'Authorization: Bearer <token>' with an access token "
                        + "from the identity provider";
        write(response, request, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Authentication required", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String detail = denied instanceof AccessRefused refused
                ? refused.getMessage()
                : CurrentActor.get().map(actor -> actor.describe() + " may not use " + request.getMethod() + " "
                        + request.getRequestURI()).orElse("not allowed");
        write(response, request, HttpStatus.FORBIDDEN, FORBIDDEN, "Not allowed", detail);
    }

    private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String type,
            String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
