package jp.shinko.command.problem;

import java.util.Comparator;
import java.util.List;
import jp.shinko.events.InvalidField;
import jp.shinko.infra.edge.EdgeProblemAdvice;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import jp.shinko.infra.edge.ProblemType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Turns refused requests into RFC 9457 problem details with a stable {@code type}, a
 * {@code detail} that says what to fix, and, for invalid fields, an {@code errors} list naming
 * each field and what it allows.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends EdgeProblemAdvice {

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation refusal) {
        return of(refusal);
    }

    /**
     * A rule violation, invalid fields (of a request, or refused by a published value type such
     * as a rating band or a plan item's outlook), or an access refusal, as problem details.
     */
    public static ProblemDetail of(RuntimeException refusal) {
        if (refusal instanceof RuleViolation violation) {
            ProblemDetail problem = violation.problemType().detail(violation.getMessage());
            violation.values().forEach(problem::setProperty);
            return problem;
        }
        if (refusal instanceof InvalidRequest || refusal instanceof InvalidField) {
            return badFields(fieldsOf(refusal));
        }
        if (refusal instanceof AccessDeniedException) {
            return ProblemType.FORBIDDEN.detail(refusal.getMessage());
        }
        throw refusal;
    }

    /** Content too large to record, such as an event larger than the relay publishes. */
    @ExceptionHandler(ContentTooLarge.class)
    ResponseEntity<ProblemDetail> contentTooLarge(ContentTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemType.BODY_TOO_LARGE.detail(
                HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
    }

    /** Every record is first created by a command of its own, such as registering a municipality. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException missing) {
        ProblemDetail problem = ProblemType.NOT_FOUND.detail("there is no record " + missing.getAggregateIdentifier()
                + "; a municipality is registered (POST /municipalities) before anything is recorded for it");
        problem.setProperty("recordId", missing.getAggregateIdentifier());
        return problem;
    }

    /** Another request (possibly on another instance) appended to the same record first. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentModification(RuntimeException conflict) {
        return ProblemType.CONCURRENT_MODIFICATION.detail(
                "another request changed the same record at the same time; read it again and retry if still needed");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = exception.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> new FieldProblem(error.getField(), error.getRejectedValue(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(badFields(problems));
    }
}
