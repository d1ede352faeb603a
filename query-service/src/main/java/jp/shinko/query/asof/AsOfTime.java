package jp.shinko.query.asof;

import java.time.Instant;
import java.util.Optional;

/**
 * The recorded time a query asked to be answered as of ({@value AsOf#PARAMETER}), or none for
 * the records as they stand. Taken by a controller as a parameter of this type: {@link
 * AsOfResolver} reads and checks it, and the answer's {@value AsOf#HEADER} header then says
 * which instant it took.
 *
 * @param instant the instant, if one was asked for
 */
public record AsOfTime(Optional<Instant> instant) {

    /** The records as they stand. */
    public static final AsOfTime NOW = new AsOfTime(Optional.empty());

    /** The instant asked for, or the latest one may ask about. */
    public Instant orLatest() {
        return instant.orElse(AsOf.LATEST);
    }
}
