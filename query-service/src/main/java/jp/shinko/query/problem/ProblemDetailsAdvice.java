package jp.shinko.query.problem;

import java.net.URI;
import java.util.List;
import jp.shinko.events.InvalidField;
import jp.shinko.events.municipality.InvalidMunicipalityCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import jp.shinko.infra.edge.EdgeProblemAdvice;

/**
 * RFC 9457 problem details for the query API, with the same stable {@code type} URIs as the
 * command API.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends EdgeProblemAdvice {

    static final URI INVALID_REQUEST = URI.create("urn:shinko:problem:invalid-request");
    static final URI NOT_FOUND = URI.create("urn:shinko:problem:not-found");

    /** Codes arrive only as path segments here, always named {@code code}. */
    @ExceptionHandler(InvalidMunicipalityCode.class)
    ProblemDetail invalidCode(InvalidMunicipalityCode invalid) {
        return invalidRequest("code", invalid.rejectedValue(), invalid.getMessage());
    }

    /** What is wrong with one field, in the same shape as the command API's. */
    record FieldProblem(String field, Object rejectedValue, String message) {
    }

    /** A query parameter that cannot be read, named as the request names it. */
    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField invalid) {
        return invalidRequest(invalid.field(), invalid.rejectedValue(), invalid.getMessage());
    }

    private static ProblemDetail invalidRequest(String field, Object rejectedValue, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setType(INVALID_REQUEST);
        problem.setTitle("The request has invalid fields");
        problem.setProperty("errors", List.of(new FieldProblem(field, rejectedValue, message)));
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }
}
