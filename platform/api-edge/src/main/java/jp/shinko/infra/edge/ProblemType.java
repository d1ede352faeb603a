package jp.shinko.infra.edge;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of problem either service answers, the one catalogue of the API: each with a
 * stable {@code type} URI ({@code urn:shinko:problem:...}) that clients branch on (RFC 9457),
 * never on the message text, its usual status and its title. The services, the edge, the
 * security filters and the error page all answer from here.
 */
public enum ProblemType {

    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "The request has invalid fields"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request could not be read"),
    REQUEST_REFUSED("request-refused", HttpStatus.BAD_REQUEST, "The request was refused"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "The method is not allowed here"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE,
            "The answer cannot be given in a media type the request accepts"),
    ALREADY_EXISTS("already-exists", HttpStatus.CONFLICT, "The record already exists"),
    STALE_VERSION("stale-version", HttpStatus.CONFLICT, "The record changed since the version you sent"),
    CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT,
            "The record was changed by another request at the same time"),
    IDEMPOTENCY_REQUEST_IN_PROGRESS("idempotency-request-in-progress", HttpStatus.CONFLICT,
            "A request with this Idempotency-Key is still being answered"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The body's media type or encoding is not taken"),
    RULE_VIOLATED("rule-violated", HttpStatus.UNPROCESSABLE_CONTENT,
            "The request breaks a rule of the records it touches"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT,
            "The Idempotency-Key was already used for a different request"),
    NOTHING_RECORDED("nothing-recorded", HttpStatus.UNPROCESSABLE_CONTENT,
            "Every item of the table was refused; nothing was recorded"),
    TOO_MANY_WAITS("too-many-waits", HttpStatus.TOO_MANY_REQUESTS, "Too many of your requests are waiting"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "The service failed to answer"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The service cannot answer now");

    private static final String PREFIX = "urn:shinko:problem:";

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create(PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** This problem with its usual status, saying what to fix. */
    public ProblemDetail detail(String detail) {
        return detail(status, detail);
    }

    /** This problem as Spring MVC answers it, with another status where the cause decides it. */
    public ProblemDetail detail(HttpStatusCode answeredStatus, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(answeredStatus, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** Writes this problem as the whole answer, where no controller answers (filters, the error page). */
    public void write(HttpServletResponse response, int answeredStatus, String detail, String instance)
            throws IOException {
        response.setStatus(answeredStatus);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        write(response.getOutputStream(), answeredStatus, detail, instance);
    }

    /** Writes this problem's JSON to a stream. */
    public void write(OutputStream out, int answeredStatus, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", answeredStatus);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        JsonMapper.shared().writeValue(out, problem);
    }
}
