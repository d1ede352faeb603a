package jp.shinko.infra.edge;

import java.io.IOException;
import java.util.Optional;

/** A request body that goes on past the limit of its endpoint; answered {@code 413}. */
public final class BodyTooLarge extends IOException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes, the most this endpoint takes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The body limit exceeded somewhere in a chain of causes, if one was. */
    public static Optional<BodyTooLarge> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
