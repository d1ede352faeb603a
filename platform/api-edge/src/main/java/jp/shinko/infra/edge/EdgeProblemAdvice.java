package jp.shinko.infra.edge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.InvalidField;
import jp.shinko.infra.edge.RequestBodyProblems.BodyProblem;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    private static final Map<Integer, ProblemType> BY_STATUS = Map.of(
            400, ProblemType.MALFORMED_REQUEST,
            404, ProblemType.NOT_FOUND,
            405, ProblemType.METHOD_NOT_ALLOWED,
            406, ProblemType.NOT_ACCEPTABLE,
            413, ProblemType.BODY_TOO_LARGE,
            415, ProblemType.UNSUPPORTED_MEDIA_TYPE,
            503, ProblemType.SERVICE_UNAVAILABLE);

    /** A 400 naming the fields at fault and what each takes. */
    public static ProblemDetail badFields(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemType.INVALID_REQUEST.detail(String.join("; ",
                errors.stream().map(error -> error.field() + ": " + error.message()).toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * Fields refused by a check of the service ({@link InvalidRequest}) or by a value type of the
     * published language ({@link InvalidField}, such as a rating band or a plan item's outlook).
     */
    @ExceptionHandler({InvalidRequest.class, InvalidField.class})
    ProblemDetail invalidFields(RuntimeException invalid) {
        return badFields(fieldsOf(invalid));
    }

    /** The fields an {@link InvalidRequest} or an {@link InvalidField} names. */
    public static List<FieldProblem> fieldsOf(RuntimeException invalid) {
        if (invalid instanceof InvalidField field) {
            return List.of(new FieldProblem(field.field(), field.rejectedValue(), field.getMessage()));
        }
        return ((InvalidRequest) invalid).problems();
    }

    /** Gives Spring's own problems (type {@code about:blank}) the API's type and title for their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(exception, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemType kind = BY_STATUS.getOrDefault(answer.getStatusCode().value(),
                    answer.getStatusCode().is5xxServerError() ? ProblemType.INTERNAL_ERROR
                            : ProblemType.REQUEST_REFUSED);
            problem.setType(kind.type());
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
        return ResponseEntity.badRequest().body(badFields(List.of(new FieldProblem(field,
                value instanceof String text ? RequestText.abbreviated(text) : value,
                publishedRule(mismatch).orElseGet(() -> "must be " + expected(mismatch.getRequiredType()))))));
    }

    /**
     * What a value type of the published language says about the text it refused (a fiscal year,
     * a quarter, a municipality code), converted by {@link PublishedTypesInRequests}.
     */
    private static Optional<String> publishedRule(TypeMismatchException mismatch) {
        for (Throwable cause = mismatch.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException refused
                    && refused.getClass().getPackageName().startsWith("jp.shinko.events")) {
                return Optional.ofNullable(refused.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest().body(badFields(List.of(new FieldProblem(missing.getParameterName(),
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
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemType.BODY_TOO_LARGE.detail(
                    HttpStatus.CONTENT_TOO_LARGE, tooLarge.get().getMessage()));
        }
        BodyProblem problem = RequestBodyProblems.of(unreadable);
        if (problem.field() == null) {
            return ResponseEntity.badRequest().body(ProblemType.MALFORMED_REQUEST.detail(HttpStatus.BAD_REQUEST,
                    problem.message()));
        }
        return ResponseEntity.badRequest().body(badFields(List.of(new FieldProblem(problem.field(),
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
