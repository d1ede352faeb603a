package jp.shinko.infra.eventstore;

/**
 * The two names by which a clerk reads what they just saved: the command service answers the
 * position (global index) of the events a command stored in {@link #POSITION_HEADER}; a query
 * passes it back as {@link #WAIT_PARAMETER} and is answered once the projections have it.
 */
public final class ReadYourWrites {

    /** Response header of a command that stored events: the highest global index among them. */
    public static final String POSITION_HEADER = "Shinko-Event-Position";

    /** Query parameter: answer only once every projection has processed the event at this position. */
    public static final String WAIT_PARAMETER = "waitForPosition";

    /** Response header of a query that waited: whether the projections reached the position in time. */
    public static final String REACHED_HEADER = "Shinko-Position-Reached";

    private ReadYourWrites() {
    }
}
