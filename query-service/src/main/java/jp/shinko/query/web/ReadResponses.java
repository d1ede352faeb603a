package jp.shinko.query.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The answers every read of one municipality's records may give besides its own, declared once
 * by an annotation on the endpoint instead of repeated on each: {@link OfOneMunicipality} (a
 * municipal role may read only its own municipality) and {@link OfOnePlan} (also: no such plan).
 */
@Component
public class ReadResponses implements OperationCustomizer {

    /** A read of one municipality's records: 403 for a municipal role of another municipality. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface OfOneMunicipality {
    }

    /** A read of one plan of a municipality: 403 as {@link OfOneMunicipality}, and 404 for a plan it has not. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface OfOnePlan {
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean plan = handler.hasMethodAnnotation(OfOnePlan.class);
        if (plan || handler.hasMethodAnnotation(OfOneMunicipality.class)) {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.putIfAbsent("403", new ApiResponse().description("A municipal role asked for another "
                    + "municipality"));
            if (plan) {
                responses.putIfAbsent("404", new ApiResponse().description("The municipality has no such plan"));
            }
            operation.setResponses(responses);
        }
        return operation;
    }
}
