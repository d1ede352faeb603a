package jp.shinko.infra.edge;

/**
 * What is wrong with one field of a request.
 *
 * @param field the field, as the client named it ({@code code}, or a header such as {@code Idempotency-Key})
 * @param rejectedValue the value sent, or {@code null} when it was missing
 * @param message what is allowed
 */
public record FieldProblem(String field, Object rejectedValue, String message) {
}
