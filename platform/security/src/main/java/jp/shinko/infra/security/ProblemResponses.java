package jp.shinko.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.infra.edge.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers refused requests as RFC 9457 problem details, like every other error of the API: 401
 * (with the {@code WWW-Authenticate} header of RFC 6750) when no valid token came, 403 when a
 * verified person may not do what they asked, 400 when the firewall refuses the request itself.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"[^\"]*\"");

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final Supplier<String> resourceMetadata;

    /**
     * @param resourceMetadata the address of this service's RFC 9728 metadata, named in the challenge instead of
     *     one built from the request's Host header
     */
    ProblemResponses(Supplier<String> resourceMetadata) {
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
        ProblemType.UNAUTHENTICATED.write(response, HttpStatus.UNAUTHORIZED.value(), detail, request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String detail = denied instanceof AccessRefused refused
                ? refused.getMessage()
                : CurrentActor.get().map(actor -> actor.describe() + " may not use " + request.getMethod() + " "
                        + request.getRequestURI()).orElse("not allowed");
        ProblemType.FORBIDDEN.write(response, HttpStatus.FORBIDDEN.value(), detail, request.getRequestURI());
    }

    /** A request Spring Security's firewall refuses (an encoded slash or percent, a control character). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemType.MALFORMED_REQUEST.write(response, HttpStatus.BAD_REQUEST.value(), "the request's path or headers "
                + "hold characters this API never takes (" + rejected.getMessage() + ")", request.getRequestURI());
    }
}
