package jp.shinko.command.municipality;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.CouncilEvent;
import jp.shinko.events.council.CouncilMeetingRecorded;
import jp.shinko.events.council.CouncilMeetings;
import jp.shinko.events.council.CouncilOpinionRecorded;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.jointproject.JointProjectRecorded;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationEvent;
import jp.shinko.events.organisation.OrganisationRegister;
import jp.shinko.events.organisation.OrganisationRegistered;
import jp.shinko.events.organisation.OrganisationRevised;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.ReasonCodesAdopted;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusLegendAdopted;
import jp.shinko.events.settings.SubsidyTermsAdopted;
import jp.shinko.events.subsidy.SubsidyTermsInForce;
import jp.shinko.infra.eventstore.EventStoreSchemaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A municipality's rules as they stand, for commands on other records that must follow them
 * (a quarterly status uses the city's legend and reason codes). Read from the municipality's
 * own events, in the command's transaction, so a rule adopted a moment ago applies at once;
 * the published defaults apply until the city adopts its own.
 */
@Component
public class MunicipalRules implements MunicipalRegisters {

    private static final String LATEST_STATUS_RULES = "select distinct on (payload_type) payload_type, payload from "
            + EventStoreSchemaMigration.SCHEMA + ".domain_event_entry where aggregate_identifier = ? "
            + "and payload_type in ('StatusLegendAdopted', 'ReasonCodesAdopted') "
            + "order by payload_type, sequence_number desc";

    private static final String REGISTERED = "select exists (select 1 from " + EventStoreSchemaMigration.SCHEMA
            + ".domain_event_entry where aggregate_identifier = ? and payload_type = 'MunicipalityRegistered')";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MunicipalRules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static final String RATING_SCHEMES = "select payload from " + EventStoreSchemaMigration.SCHEMA
            + ".domain_event_entry where aggregate_identifier = ? and payload_type = 'RatingSchemeAdopted' "
            + "order by sequence_number";

    private static final String ORGANISATION_EVENTS = "select payload_type, payload from "
            + EventStoreSchemaMigration.SCHEMA + ".domain_event_entry where aggregate_identifier = ? "
            + "and payload_type in ('OrganisationRegistered', 'OrganisationRevised') order by sequence_number";

    private static final String PLAN_PERIODS = "select payload_type, payload, recorded_at from "
            + EventStoreSchemaMigration.SCHEMA + ".domain_event_entry where aggregate_identifier = ? "
            + "and payload_type in ('PlanAdopted', 'PlanRevised') order by sequence_number";

    private static final String CLOSURES_CITING = "select payload from " + EventStoreSchemaMigration.SCHEMA
            + ".domain_event_entry where municipality_code = ? and payload_type = 'FiscalYearClosed' "
            + "and convert_from(payload, 'UTF8')::jsonb ->> 'councilMeetingId' = ?";

    private static final String COUNCIL_EVENTS = "select payload_type, payload from "
            + EventStoreSchemaMigration.SCHEMA + ".domain_event_entry where aggregate_identifier = ? "
            + "and payload_type in ('CouncilMeetingRecorded', 'CouncilOpinionRecorded') order by sequence_number";

    private static final String SUBSIDY_TERMS = "select payload from " + EventStoreSchemaMigration.SCHEMA
            + ".domain_event_entry where aggregate_identifier = ? and payload_type = 'SubsidyTermsAdopted' "
            + "order by sequence_number";

    private static final String ITEM_ADDED = "select exists (select 1 from " + EventStoreSchemaMigration.SCHEMA
            + ".domain_event_entry where aggregate_identifier = ? and payload_type = 'PlanItemAdded' "
            + "and convert_from(payload, 'UTF8')::jsonb ->> 'itemId' = ?)";

    private static final String PROJECT_RECORDED = "select payload from " + EventStoreSchemaMigration.SCHEMA
            + ".domain_event_entry where aggregate_identifier = ? and payload_type = 'JointProjectRecorded' "
            + "order by sequence_number desc limit 1";

    /** Whether the municipality is registered, so that records may be kept for it. */
    public boolean isRegistered(MunicipalityCode municipality) {
        return jdbc.sql(REGISTERED).param(municipality.value()).query(Boolean.class).single();
    }

    /** The subsidy terms the municipality has adopted for its programmes. */
    public SubsidyTermsInForce subsidyTermsOf(MunicipalityCode municipality) {
        SubsidyTermsInForce terms = SubsidyTermsInForce.NONE;
        for (SubsidyTermsAdopted adopted : jdbc.sql(SUBSIDY_TERMS).param(municipality.value())
                .query((row, number) -> json.readValue(row.getBytes(1), SubsidyTermsAdopted.class)).list()) {
            terms = terms.apply(adopted);
        }
        return terms;
    }

    /** Whether the municipality's plan has the item (retired or not): a programme others may name. */
    public boolean hasItem(MunicipalityCode municipality, ItemRef item) {
        return jdbc.sql(ITEM_ADDED).param(municipality.value() + ":plan:" + item.planId())
                .param(item.itemId().value()).query(Boolean.class).single();
    }

    /** The municipalities taking part in a joint project as last recorded, if the keeper keeps it. */
    public Optional<List<MunicipalityCode>> projectParticipants(MunicipalityCode keeper, ProjectId projectId) {
        return jdbc.sql(PROJECT_RECORDED).param(keeper.value() + ":project:" + projectId)
                .query((row, number) -> json.readValue(row.getBytes(1), JointProjectRecorded.class)).optional()
                .map(JointProjectRecorded::participants);
    }

    /** The legend and reason codes a quarterly status is checked against. */
    public record StatusRules(StatusLegend legend, ReasonCodes reasonCodes) {
    }

    /** The municipality's rating scheme in force in a fiscal year (the default before it adopts one). */
    public RatingScheme ratingSchemeOf(MunicipalityCode municipality, FiscalYear year) {
        return RatingScheme.inForce(jdbc.sql(RATING_SCHEMES).param(municipality.value())
                .query((row, number) -> json.readValue(row.getBytes(1), RatingSchemeAdopted.class)).list(), year);
    }

    @Override
    public OrganisationRegister organisationsOf(MunicipalityCode municipality) {
        OrganisationRegister register = OrganisationRegister.EMPTY;
        for (OrganisationEvent event : jdbc.sql(ORGANISATION_EVENTS).param(municipality.value())
                .query((row, number) -> organisationEvent(row.getString(1), row.getBytes(2))).list()) {
            register = register.apply(event);
        }
        return register;
    }

    /**
     * A plan of the municipality as a council document needs it: when it was adopted and the
     * period it has now.
     *
     * @param adoptedAt when it was adopted
     * @param fromFiscalYear its first fiscal year
     * @param toFiscalYear its last fiscal year
     */
    public record PlanFacts(Instant adoptedAt, FiscalYear fromFiscalYear, FiscalYear toFiscalYear) {
    }

    /** The plan, if the municipality adopted it. */
    public Optional<PlanFacts> planOf(MunicipalityCode municipality, PlanId planId) {
        PlanFacts facts = null;
        for (Object[] row : jdbc.sql(PLAN_PERIODS).param(municipality.value() + ":plan:" + planId)
                .query((row, number) -> new Object[] {row.getString(1), row.getBytes(2),
                    row.getObject(3, OffsetDateTime.class).toInstant()}).list()) {
            if (row[0].equals("PlanAdopted")) {
                PlanAdopted adopted = json.readValue((byte[]) row[1], PlanAdopted.class);
                facts = new PlanFacts((Instant) row[2], adopted.fromFiscalYear(), adopted.toFiscalYear());
            } else if (facts != null) {
                PlanRevised revised = json.readValue((byte[]) row[1], PlanRevised.class);
                facts = new PlanFacts(facts.adoptedAt(), revised.fromFiscalYear(), revised.toFiscalYear());
            }
        }
        return Optional.ofNullable(facts);
    }

    /** The fiscal years of the municipality's plans closed at a council meeting, which stand on its year and day. */
    public List<FiscalYearClosed> closuresCiting(MunicipalityCode municipality, MeetingId meetingId) {
        return jdbc.sql(CLOSURES_CITING).param(municipality.value()).param(meetingId.value())
                .query((row, number) -> json.readValue(row.getBytes(1), FiscalYearClosed.class)).list();
    }

    @Override
    public CouncilMeetings councilMeetingsOf(MunicipalityCode municipality) {
        CouncilMeetings meetings = CouncilMeetings.NONE;
        for (CouncilEvent event : jdbc.sql(COUNCIL_EVENTS).param(municipality.value())
                .query((row, number) -> councilEvent(row.getString(1), row.getBytes(2))).list()) {
            meetings = meetings.apply(event);
        }
        return meetings;
    }

    private CouncilEvent councilEvent(String type, byte[] payload) {
        Class<? extends CouncilEvent> eventClass = type.equals("CouncilMeetingRecorded")
                ? CouncilMeetingRecorded.class : CouncilOpinionRecorded.class;
        return json.readValue(payload, eventClass);
    }

    private OrganisationEvent organisationEvent(String type, byte[] payload) {
        Class<? extends OrganisationEvent> eventClass = type.equals("OrganisationRegistered")
                ? OrganisationRegistered.class : OrganisationRevised.class;
        return json.readValue(payload, eventClass);
    }

    /** The municipality's legend and reason codes in force, read in one query. */
    public StatusRules statusRulesOf(MunicipalityCode municipality) {
        StatusRules rules = new StatusRules(StatusLegend.DEFAULT, ReasonCodes.DEFAULT);
        for (Map.Entry<String, byte[]> adopted : jdbc.sql(LATEST_STATUS_RULES).param(municipality.value())
                .query((row, number) -> Map.entry(row.getString(1), row.getBytes(2))).list()) {
            rules = adopted.getKey().equals("StatusLegendAdopted")
                    ? new StatusRules(json.readValue(adopted.getValue(), StatusLegendAdopted.class).legend(),
                            rules.reasonCodes())
                    : new StatusRules(rules.legend(),
                            json.readValue(adopted.getValue(), ReasonCodesAdopted.class).reasonCodes());
        }
        return rules;
    }
}
