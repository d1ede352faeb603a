package jp.shinko.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers refused requests as RFC 9457 problem details, like every other error of the API: 401
 * (with the {@code WWW-Authenticate} header of RFC 6750) when no valid token came, 403 when a
 * verified person may not do what they asked, 400 when the firewall refuses the request itself.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String UNAUTHENTICATED = "urn:shinko:problem:unauthenticated";
    static final String FORBIDDEN = "urn:shinko:problem:forbidden";
    static final String MALFORMED = "urn:shinko:problem:malformed-request";

    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"[^\"]*\"");

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final JsonMapper json;
    private final Supplier<String> resourceMetadata;

    /**
     * @param resourceMetadata the address of this service's RFC 9728 metadata, named in the challenge instead of
     *     one built from the request's Host header
     */
    ProblemResponses(JsonMapper json, Supplier<String> resourceMetadata) {
        this.json = json;
        this.resourceMetadata = resourceMetadata;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearerChallenge.commence(request, response, refused);
        String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, RESOURCE_METADATA.matcher(challenge)
                    .replaceAll(Matcher.quoteReplacement("resource_metadata=\"" + resourceMetadata.get() + "\"")));
        }
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

    /** A request Spring Security's firewall refuses (an encoded slash or percent, a control character). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(response, request, HttpStatus.BAD_REQUEST, MALFORMED, "The request could not be read",
                "the request's path or headers hold characters this API never takes (" + rejected.getMessage() + ")");
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
