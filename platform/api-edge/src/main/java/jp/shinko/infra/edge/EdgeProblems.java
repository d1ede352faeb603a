package jp.shinko.infra.edge;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problems the edge answers itself, before (or after) any controller, in the same RFC 9457
 * shape and with the same {@code urn:shinko:problem:} types as the services' own.
 */
public enum EdgeProblems {

    MALFORMED_REQUEST("malformed-request", "The request could not be read"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed here"),
    NOT_ACCEPTABLE("not-acceptable", "The answer cannot be given in a media type the request accepts"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The body's media type or encoding is not taken"),
    BODY_TOO_LARGE("body-too-large", "The request body is too large"),
    SERVICE_UNAVAILABLE("service-unavailable", "The service cannot answer now"),
    INTERNAL_ERROR("internal-error", "The service failed to answer"),
    TOO_MANY_WAITS("too-many-waits", "Too many of your requests are waiting"),
    REQUEST_REFUSED("request-refused", "The request was refused");

    private static final String PREFIX = "urn:shinko:problem:";

    private final String type;
    private final String title;

    EdgeProblems(String slug, String title) {
        this.type = PREFIX + slug;
        this.title = title;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** This problem as Spring MVC answers it. */
    public ProblemDetail detail(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return problem;
    }

    /** Writes this problem as the whole answer. */
    public void write(HttpServletResponse response, int status, String detail, String instance) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        write(response.getOutputStream(), status, detail, instance);
    }

    /** Writes this problem's JSON to a stream. */
    public void write(OutputStream out, int status, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        JsonMapper.shared().writeValue(out, problem);
    }
}
