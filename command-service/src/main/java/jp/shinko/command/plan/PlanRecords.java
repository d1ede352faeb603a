package jp.shinko.command.plan;

import java.util.List;
import java.util.Optional;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.plan.PlanSuccessionRecorded;
import jp.shinko.infra.eventstore.EventStoreSchemaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Other plans of a municipality, as a plan's succession rules need them: read from their recorded
 * events in the command's transaction, like {@code MunicipalRules}, rather than by loading a
 * second record into the first's command.
 */
@Component
public class PlanRecords {

    private static final String TABLE = EventStoreSchemaMigration.SCHEMA + ".domain_event_entry";
    private static final String LIFE = "select payload_type, payload from " + TABLE + " where aggregate_identifier = ? "
            + "and payload_type in ('PlanAdopted', 'PlanRevised', 'PlanEnded') order by sequence_number";
    private static final String ITEMS = "select payload from " + TABLE + " where aggregate_identifier = ? "
            + "and payload_type = 'PlanItemAdded'";
    private static final String SUCCESSIONS = "select payload from " + TABLE + " where municipality_code = ? "
            + "and payload_type = 'PlanSuccessionRecorded'";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The plan as it stands (its period cut at its end, if it was ended), if the municipality adopted it. */
    Optional<PlanAdopted> inForce(MunicipalityCode municipality, PlanId planId) {
        PlanLife life = new PlanLife();
        List<Object> events = jdbc.sql(LIFE).param(Plan.recordId(municipality, planId))
                .query((row, number) -> (Object) switch (row.getString(1)) {
                    case "PlanAdopted" -> json.readValue(row.getBytes(2), PlanAdopted.class);
                    case "PlanRevised" -> json.readValue(row.getBytes(2), PlanRevised.class);
                    default -> json.readValue(row.getBytes(2), PlanEnded.class);
                }).list();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        for (Object event : events) {
            if (event instanceof PlanAdopted adopted) {
                life.on(adopted);
            } else if (event instanceof PlanRevised revised) {
                life.on(revised);
            } else {
                life.on((PlanEnded) event);
            }
        }
        return Optional.of(life.inForce());
    }

    /** Whether the plan has (or had) the item. */
    boolean hasItem(MunicipalityCode municipality, PlanId planId, ItemId itemId) {
        return jdbc.sql(ITEMS).param(Plan.recordId(municipality, planId))
                .query((row, number) -> json.readValue(row.getBytes(1), PlanItemAdded.class).itemId()).list()
                .contains(itemId);
    }

    /** The plan that records it succeeds this one, if any. */
    Optional<PlanId> successorOf(MunicipalityCode municipality, PlanId planId) {
        return jdbc.sql(SUCCESSIONS).param(municipality.value())
                .query((row, number) -> json.readValue(row.getBytes(1), PlanSuccessionRecorded.class)).list().stream()
                .filter(succession -> succession.predecessorPlanId().equals(planId))
                .map(PlanSuccessionRecorded::planId)
                .findFirst();
    }
}
