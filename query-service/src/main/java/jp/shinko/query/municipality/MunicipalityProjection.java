package jp.shinko.query.municipality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.query.rebuild.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code query.municipality} table: one row per registered municipality.
 *
 * <p>Handling is idempotent, so a replay or a redelivered event leaves the table as it was.
 */
@Component
@ProcessingGroup(MunicipalityProjection.PROCESSING_GROUP)
class MunicipalityProjection {

    static final String PROCESSING_GROUP = "municipalities";

    private static final String TABLE = "municipality";

    private final JdbcClient jdbc;
    private final ProjectionTables tables;

    MunicipalityProjection(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @EventHandler
    void on(MunicipalityRegistered event, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into query.municipality (code, name, romanised_name, registered_at)
                        values (:code, :name, :romanisedName, :registeredAt)
                        on conflict (code) do nothing""")
                .param("code", event.municipalityCode().value())
                .param("name", event.name())
                .param("romanisedName", event.romanisedName())
                .param("registeredAt", OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void clearBeforeReplay() {
        jdbc.sql("delete from query.municipality").update();
    }

    List<MunicipalitySummary> findAll() {
        return jdbc.sql("select code, name, romanised_name, registered_at from " + tables.forReading(TABLE)
                        + " order by code")
                .query(MunicipalityProjection::toSummary)
                .list();
    }

    Optional<MunicipalitySummary> find(MunicipalityCode code) {
        return jdbc.sql("select code, name, romanised_name, registered_at from " + tables.forReading(TABLE)
                        + " where code = ?")
                .param(code.value())
                .query(MunicipalityProjection::toSummary)
                .optional();
    }

    private static MunicipalitySummary toSummary(ResultSet row, int number) throws SQLException {
        return new MunicipalitySummary(row.getString("code"), row.getString("name"), row.getString("romanised_name"),
                TokyoTime.of(row.getObject("registered_at", OffsetDateTime.class).toInstant()));
    }
}
