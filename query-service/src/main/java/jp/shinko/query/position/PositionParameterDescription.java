package jp.shinko.query.position;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import jp.shinko.infra.eventstore.ReadYourWrites;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes {@value ReadYourWrites#WAIT_PARAMETER}, which {@link PositionWait} takes on every
 * query, in the OpenAPI description.
 */
@Component
class PositionParameterDescription implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.hasMethodAnnotation(GetMapping.class)) {
            operation.addParametersItem(new Parameter().in("query").name(ReadYourWrites.WAIT_PARAMETER)
                    .required(false).schema(new IntegerSchema().minimum(BigDecimal.ONE))
                    .description("The " + ReadYourWrites.POSITION_HEADER + " a command answered: the answer waits up "
                            + "to 5 s until every projection has processed that event, and says in "
                            + ReadYourWrites.REACHED_HEADER + " whether it had"));
        }
        return operation;
    }
}
