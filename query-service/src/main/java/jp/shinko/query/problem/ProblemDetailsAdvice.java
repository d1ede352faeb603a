package jp.shinko.query.problem;

import java.util.List;
import jp.shinko.events.InvalidField;
import jp.shinko.events.municipality.InvalidMunicipalityCode;
import jp.shinko.infra.edge.EdgeProblemAdvice;
import jp.shinko.infra.edge.EdgeProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the query API, with the same stable {@code type} URIs as the
 * command API.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends EdgeProblemAdvice {

    /** Codes arrive only as path segments here, always named {@code code}. */
    @ExceptionHandler(InvalidMunicipalityCode.class)
    ProblemDetail invalidCode(InvalidMunicipalityCode invalid) {
        return badFields(List.of(new BadField("code", invalid.rejectedValue(), invalid.getMessage())));
    }

    /** A query parameter that cannot be read, named as the request names it. */
    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField invalid) {
        return badFields(List.of(new BadField(invalid.field(), invalid.rejectedValue(), invalid.getMessage())));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return EdgeProblems.NOT_FOUND.detail(HttpStatus.NOT_FOUND, notFound.getMessage());
    }
}
