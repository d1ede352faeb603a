package jp.shinko.query.municipality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.query.SchemaMigration;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.stereotype.Component;

/**
 * Migration 10: the municipalities' table joins the progress rows' processor, which from now on
 * keeps it (one read of the store for both tables, BENCHMARKS.md tuning log 28). The processor of
 * its own that kept it until now may have stood before or after the progress processor when the
 * service stopped; a registration between the two would be missed, or handled twice. So every
 * registration stored so far is entered here, as its handler enters it (handled twice leaves the
 * table as it was), and the old processor's positions are taken away, with the events it had
 * parked: they are registrations, entered now. Nothing to enter while the command service has not
 * yet made the event store (a new installation whose query service starts first).
 */
@Component
class MunicipalitiesJoinProgress extends SchemaMigration {

    /** The processor that kept {@code query.municipality} before this migration. */
    static final String FORMER_PROCESSOR = "municipalities";

    private final Serializer serializer;

    MunicipalitiesJoinProgress(Serializer serializer) {
        super("10", "municipalities kept by the progress processor");
        this.serializer = serializer;
    }

    /** Enters every stored registration and takes the former processor's positions and parked events away. */
    @Override
    public void migrate(Connection connection) throws SQLException {
        if (eventStoreExists(connection)) {
            enterRegistrations(connection);
        }
        try (PreparedStatement tokens = connection.prepareStatement(
                        "delete from query.token_entry where processor_name = ?");
                PreparedStatement parked = connection.prepareStatement(
                        "delete from query.dead_letter_entry where processing_group = ?")) {
            tokens.setString(1, FORMER_PROCESSOR);
            tokens.executeUpdate();
            parked.setString(1, FORMER_PROCESSOR);
            parked.executeUpdate();
        }
    }

    private static boolean eventStoreExists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet table = statement.executeQuery(
                        "select to_regclass('event_store.domain_event_entry') is not null")) {
            return table.next() && table.getBoolean(1);
        }
    }

    private void enterRegistrations(Connection connection) throws SQLException {
        SerializedType type = serializer.typeForClass(MunicipalityRegistered.class);
        try (PreparedStatement events = connection.prepareStatement("select payload, payload_revision, recorded_at "
                        + "from event_store.domain_event_entry where payload_type = ? order by global_index");
                PreparedStatement insert = connection.prepareStatement(MunicipalityProjection.INSERT)) {
            events.setString(1, type.getName());
            try (ResultSet event = events.executeQuery()) {
                while (event.next()) {
                    MunicipalityRegistered registered = serializer.deserialize(new SimpleSerializedObject<>(
                            event.getBytes(1), byte[].class, type.getName(), event.getString(2)));
                    List<Object> values = MunicipalityProjection.values(registered,
                            event.getObject(3, OffsetDateTime.class));
                    for (int i = 0; i < values.size(); i++) {
                        insert.setObject(i + 1, values.get(i));
                    }
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
