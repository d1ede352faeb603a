package jp.shinko.query.position;

import java.util.List;
import jp.shinko.infra.eventstore.EventStoreProperties;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far this service's projections have come, read from their tokens in PostgreSQL: so every
 * instance answers the same, whichever segments it holds itself.
 */
@Component
public class ProjectionPositions {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final String tokenTable;

    ProjectionPositions(JdbcClient jdbc, Serializer serializer, EventStoreProperties properties) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokenTable = properties.tokenTable();
    }

    /**
     * Whether every segment of every projection has processed the event at this global index: it
     * has read past it, and the index is not one of the gaps it still waits for.
     */
    public boolean haveProcessed(long position) {
        List<TrackingToken> tokens = tokens();
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> {
            GapAwareTrackingToken current = token == null ? null
                    : WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware ? gapAware : null;
            return current != null && current.getIndex() >= position && !current.getGaps().contains(position);
        });
    }

    private List<TrackingToken> tokens() {
        return jdbc.sql("select token, token_type from " + tokenTable)
                .query((row, number) -> {
                    byte[] token = row.getBytes("token");
                    return token == null ? null : (TrackingToken) serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, row.getString("token_type"), null));
                })
                .list();
    }
}
