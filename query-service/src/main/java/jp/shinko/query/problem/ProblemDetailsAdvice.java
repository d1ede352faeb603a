package jp.shinko.query.problem;

import java.util.List;
import jp.shinko.events.municipality.InvalidMunicipalityCode;
import jp.shinko.infra.edge.EdgeProblemAdvice;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.ProblemType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the query API, from the one catalogue both services answer
 * from ({@link ProblemType}); invalid fields and parameters are answered by the shared base.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends EdgeProblemAdvice {

    /** Codes arrive only as path segments here, always named {@code code}. */
    @ExceptionHandler(InvalidMunicipalityCode.class)
    ProblemDetail invalidCode(InvalidMunicipalityCode invalid) {
        return badFields(List.of(new FieldProblem("code", invalid.rejectedValue(), invalid.getMessage())));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return ProblemType.NOT_FOUND.detail(notFound.getMessage());
    }
}
