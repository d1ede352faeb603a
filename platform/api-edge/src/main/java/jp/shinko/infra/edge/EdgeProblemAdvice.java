package jp.shinko.infra.edge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.infra.edge.RequestBodyProblems.BodyProblem;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What both services' problem-details advice shares: Spring MVC's own refusals (a method not
 * allowed, a media type not taken, a parameter missing or of the wrong type, a body that cannot
 * be read) answered in the API's shape, each with a stable {@code type} and a detail that names
 * the field and what it takes, never the framework's wording or internals.
 */
public abstract class EdgeProblemAdvice extends ResponseEntityExceptionHandler {

    /** The type of a problem with fields of the request. */
    public static final URI INVALID_REQUEST = URI.create("urn:shinko:problem:invalid-request");

    private static final Map<Integer, EdgeProblems> BY_STATUS = Map.of(
            400, EdgeProblems.MALFORMED_REQUEST,
            404, EdgeProblems.NOT_FOUND,
            405, EdgeProblems.METHOD_NOT_ALLOWED,
            406, EdgeProblems.NOT_ACCEPTABLE,
            413, EdgeProblems.BODY_TOO_LARGE,
            415, EdgeProblems.UNSUPPORTED_MEDIA_TYPE,
            503, EdgeProblems.SERVICE_UNAVAILABLE);

    /** What is wrong with one field, in the shape every {@code errors} list of the API has. */
    public record BadField(String field, Object rejectedValue, String message) {
    }

    /** A 400 naming the fields at fault and what each takes. */
    public static ProblemDetail badFields(List<BadField> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ",
                errors.stream().map(error -> error.field() + ": " + error.message()).toList()));
        problem.setType(INVALID_REQUEST);
        problem.setTitle("The request has invalid fields");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Gives Spring's own problems (type {@code about:blank}) the API's type and title for their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(exception, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            EdgeProblems kind = BY_STATUS.getOrDefault(answer.getStatusCode().value(),
                    answer.getStatusCode().is5xxServerError() ? EdgeProblems.INTERNAL_ERROR
                            : EdgeProblems.REQUEST_REFUSED);
            problem.setType(URI.create(kind.type()));
            problem.setTitle(kind.title());
        }
        return answer;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : mismatch.getPropertyName();
        Object value = mismatch.getValue();
        return ResponseEntity.badRequest().body(badFields(List.of(new BadField(field,
                value instanceof String text ? RequestText.abbreviated(text) : value,
                "must be " + expected(mismatch.getRequiredType())))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest().body(badFields(List.of(new BadField(missing.getParameterName(),
                null, "is required"))));
    }

    /**
     * A body that cannot be read: too large ({@code 413}), not JSON in UTF-8 ({@code 400
     * malformed-request}), or JSON with a field that is unknown, sent twice, of the wrong type or
     * with text or a number no field takes ({@code 400 invalid-request}, naming the field).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(unreadable);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(EdgeProblems.BODY_TOO_LARGE.detail(
                    HttpStatus.CONTENT_TOO_LARGE, tooLarge.get().getMessage()));
        }
        BodyProblem problem = RequestBodyProblems.of(unreadable);
        if (problem.field() == null) {
            return ResponseEntity.badRequest().body(EdgeProblems.MALFORMED_REQUEST.detail(HttpStatus.BAD_REQUEST,
                    problem.message()));
        }
        return ResponseEntity.badRequest().body(badFields(List.of(new BadField(problem.field(),
                problem.rejectedValue(), problem.message()))));
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class) {
            return "a whole number within its range";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a value of the documented form";
    }
}
