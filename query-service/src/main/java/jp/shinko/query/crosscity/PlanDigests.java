package jp.shinko.query.crosscity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.query.rebuild.ProjectionTables;
import jp.shinko.query.rows.CityRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live digest of every plan ({@link PlanDigest}), kept in {@code query.plan_digest} so the
 * views across cities read a row per plan instead of every item, status and figure of the country.
 *
 * <p>The progress projection gives a plan a new version from a sequence, and takes its digest
 * away, in every batch that changes its plan, item, status or figure rows. A digest is computed
 * by the first query that finds none and stored only under the version it read before the rows,
 * so a digest of rows that changed meanwhile is never kept: the next query computes it again.
 * Versions never repeat, not even across a rebuild, so a digest of the frozen copy's rows cannot
 * land on a rebuilt plan either (queries read and write the table through its view).
 */
@Component
class PlanDigests {

    static final String TABLE = "plan_digest";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ProjectionTables tables;

    PlanDigests(JdbcClient jdbc, JsonMapper json, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.json = json;
        this.tables = tables;
    }

    /** The digest of every plan of the municipality, or of every municipality, from the live rows. */
    List<PlanDigest.Of> live(CityRows rows, Optional<MunicipalityCode> only) {
        String view = tables.forReading(TABLE);
        List<Stored> stored = jdbc.sql("select municipality_code, plan_id, version, digest::text from " + view
                        + only.map(code -> " where municipality_code = ?::char(6)").orElse("")
                        + " order by municipality_code, plan_id")
                .params(only.map(code -> List.<Object>of(code.value())).orElseGet(List::of))
                .query((row, number) -> new Stored(row.getString(1), row.getString(2), row.getLong(3),
                        row.getString(4)))
                .list();
        List<PlanDigest.Of> digests = new ArrayList<>(stored.size());
        for (Stored plan : stored) {
            PlanDigest digest;
            if (plan.digest() != null) {
                digest = json.readValue(plan.digest(), PlanDigest.class);
            } else {
                digest = PlanDigest.of(plan.municipalityCode(), plan.planId(), rows);
                jdbc.sql("update " + view + " set digest = ?::jsonb where municipality_code = ? and plan_id = ? "
                                + "and version = ?")
                        .params(json.writeValueAsString(digest), plan.municipalityCode(), plan.planId(),
                                plan.version())
                        .update();
            }
            digests.add(new PlanDigest.Of(plan.municipalityCode(), plan.planId(), digest));
        }
        return digests;
    }

    private record Stored(String municipalityCode, String planId, long version, String digest) {
    }
}
