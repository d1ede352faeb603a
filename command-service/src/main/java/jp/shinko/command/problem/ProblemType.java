package jp.shinko.command.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the command API reports, each with a stable {@code type} URI that
 * clients can branch on (RFC 9457), never on the message text.
 */
public enum ProblemType {

    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "The request has invalid fields"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request body could not be read"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    ALREADY_EXISTS("already-exists", HttpStatus.CONFLICT, "The record already exists"),
    STALE_VERSION("stale-version", HttpStatus.CONFLICT,
            "The record changed since the version you sent"),
    RULE_VIOLATED("rule-violated", HttpStatus.UNPROCESSABLE_CONTENT,
            "The request breaks a rule of the records it touches"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT,
            "The Idempotency-Key was already used for a different request"),
    IDEMPOTENCY_REQUEST_IN_PROGRESS("idempotency-request-in-progress", HttpStatus.CONFLICT,
            "A request with this Idempotency-Key is still being answered"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    NOTHING_RECORDED("nothing-recorded", HttpStatus.UNPROCESSABLE_CONTENT,
            "Every item of the table was refused; nothing was recorded"),
    CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT,
            "The record was changed by another request at the same time");

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
}
