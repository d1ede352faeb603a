package jp.shinko.query.municipality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.query.ProcessingGroups;
import jp.shinko.query.asof.AsOf;
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
 * <p>Handling is idempotent, so a replay or a redelivered event leaves the table as it was. Kept
 * by the progress rows' processor ({@link ProcessingGroups#PROGRESS}), which reads the store
 * once for both tables; migration 10 ({@code MunicipalitiesJoinProgress}) moved it there.
 */
@Component
@ProcessingGroup(MunicipalityProjection.PROCESSING_GROUP)
public class MunicipalityProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.PROGRESS;

    private static final String TABLE = "municipality";

    /** A registration entered, once: the handler's, and migration 10's for the registrations stored before it. */
    static final String INSERT = "insert into query.municipality (code, name, romanised_name, registered_at) "
            + "values (?, ?, ?, ?) on conflict (code) do nothing";

    private final JdbcClient jdbc;
    private final ProjectionTables tables;

    MunicipalityProjection(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @EventHandler
    void on(MunicipalityRegistered event, @Timestamp Instant recordedAt) {
        jdbc.sql(INSERT).params(values(event, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))).update();
    }

    /** The values of {@link #INSERT} for a registration recorded at that time. */
    static List<Object> values(MunicipalityRegistered event, OffsetDateTime recordedAt) {
        return List.of(event.municipalityCode().value(), event.name(), event.romanisedName(), recordedAt);
    }

    @ResetHandler
    void clearBeforeReplay() {
        jdbc.sql("delete from query.municipality").update();
    }

    /** The municipalities registered at the instant (now when none is given), in code order. */
    List<MunicipalitySummary> findAll(Optional<Instant> asOf) {
        return jdbc.sql("select code, name, romanised_name, registered_at from " + tables.forReading(TABLE)
                        + " where registered_at <= ? order by code")
                .param(registeredBy(asOf))
                .query(MunicipalityProjection::toSummary)
                .list();
    }

    /** The names of the municipalities registered at the instant (now when none is given), by code, in code order. */
    public Map<MunicipalityCode, String> namesAt(Optional<Instant> asOf) {
        Map<MunicipalityCode, String> names = new LinkedHashMap<>();
        findAll(asOf).forEach(summary -> names.put(MunicipalityCode.of(summary.code()), summary.name()));
        return names;
    }

    /** Whether the municipality was registered at the instant (now when none is given). */
    public boolean isRegistered(MunicipalityCode code, Optional<Instant> asOf) {
        return find(code, asOf).isPresent();
    }

    /**
     * The municipality, refused as not found unless it was registered at the instant (now when
     * none is given), so that nothing is answered about a code before it existed.
     */
    public MunicipalityCode requireRegistered(MunicipalityCode code, Optional<Instant> asOf) {
        if (!isRegistered(code, asOf)) {
            throw new MunicipalityNotFound(code);
        }
        return code;
    }

    /** The municipality, if it was registered at the instant (now when none is given). */
    Optional<MunicipalitySummary> find(MunicipalityCode code, Optional<Instant> asOf) {
        return jdbc.sql("select code, name, romanised_name, registered_at from " + tables.forReading(TABLE)
                        + " where code = ? and registered_at <= ?")
                .params(code.value(), registeredBy(asOf))
                .query(MunicipalityProjection::toSummary)
                .optional();
    }

    /** A registration is never changed, so the row stands for every instant since it was recorded. */
    private static OffsetDateTime registeredBy(Optional<Instant> asOf) {
        return OffsetDateTime.ofInstant(asOf.orElse(AsOf.LATEST), ZoneOffset.UTC);
    }

    private static MunicipalitySummary toSummary(ResultSet row, int number) throws SQLException {
        return new MunicipalitySummary(row.getString("code"), row.getString("name"), row.getString("romanised_name"),
                TokyoTime.of(row.getObject("registered_at", OffsetDateTime.class).toInstant()));
    }
}
