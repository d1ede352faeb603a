package jp.shinko.infra.edge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import jp.shinko.events.InvalidField;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with a request body that could not be read, naming the field as the API
 * names it ({@code content.title}, {@code items[0].entries[2].value}) and what it takes.
 */
public final class RequestBodyProblems {

    private RequestBodyProblems() {
    }

    /**
     * What is wrong with one body.
     *
     * @param field the field at fault; {@code null} when the body as a whole is not JSON
     * @param rejectedValue what was sent there, when known
     * @param message what is allowed
     */
    public record BodyProblem(String field, Object rejectedValue, String message) {
    }

    /** The problem of a body Spring could not read. */
    public static BodyProblem of(HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidField invalid) {
                return new BodyProblem(invalid.field(), invalid.rejectedValue(), invalid.getMessage());
            }
        }
        if (unreadable instanceof StrictJsonConverter.NotUtf8) {
            return new BodyProblem(null, null, unreadable.getMessage());
        }
        if (!(unreadable.getCause() instanceof JacksonException jackson)) {
            return new BodyProblem(null, null, "a JSON object with the documented fields is required (see "
                    + "/v3/api-docs)");
        }
        String field = field(jackson);
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return new BodyProblem(field, null, "is not a field of this request; the fields here are "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")));
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new BodyProblem(field, null, "must be " + expected(mismatch.getTargetType()));
        }
        if (jackson instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return new BodyProblem(field == null ? fieldAt(coercion) : field, null,
                    "must be " + expected(coercion.getTargetType()) + " within its range");
        }
        String message = jackson.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate Object property")) {
            return new BodyProblem(field == null ? fieldAt(jackson) : field, null,
                    "is sent twice; send each field once");
        }
        if (jackson instanceof StreamReadException) {
            return new BodyProblem(null, null, "the body is not valid JSON" + (message != null
                    && message.contains("nesting depth") ? ": it nests deeper than the API takes" : "")
                    + location(jackson));
        }
        return new BodyProblem(field == null ? "body" : field, null, "cannot be read" + location(jackson));
    }

    /** The field the parser was at when it failed, for failures that carry no path of their own. */
    private static String fieldAt(JacksonException exception) {
        return exception.processor() instanceof JsonParser parser ? StrictRequestJson.fieldAt(parser) : "body";
    }

    private static String field(JacksonException exception) {
        String path = exception.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? null : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String location(JacksonException exception) {
        return exception.getLocation() == null || exception.getLocation().getLineNr() < 1 ? ""
                : " (at line " + exception.getLocation().getLineNr() + ", column "
                        + exception.getLocation().getColumnNr() + ")";
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || !type.isEnum()) {
            return "an object";
        }
        return "one of the documented values";
    }
}
