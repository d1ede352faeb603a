package jp.shinko.command.municipality;

import java.util.Optional;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.ReasonCodesAdopted;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusLegendAdopted;
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
public class MunicipalRules {

    private static final String LATEST = "select payload from " + EventStoreSchemaMigration.SCHEMA
            + ".domain_event_entry where aggregate_identifier = ? and payload_type = ? "
            + "order by sequence_number desc limit 1";

    private static final String REGISTERED = "select exists (select 1 from " + EventStoreSchemaMigration.SCHEMA
            + ".domain_event_entry where aggregate_identifier = ? and payload_type = 'MunicipalityRegistered')";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MunicipalRules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether the municipality is registered, so that records may be kept for it. */
    public boolean isRegistered(MunicipalityCode municipality) {
        return jdbc.sql(REGISTERED).param(municipality.value()).query(Boolean.class).single();
    }

    public StatusLegend statusLegendOf(MunicipalityCode municipality) {
        return latest(municipality, "StatusLegendAdopted", StatusLegendAdopted.class)
                .map(StatusLegendAdopted::legend).orElse(StatusLegend.DEFAULT);
    }

    public ReasonCodes reasonCodesOf(MunicipalityCode municipality) {
        return latest(municipality, "ReasonCodesAdopted", ReasonCodesAdopted.class)
                .map(ReasonCodesAdopted::reasonCodes).orElse(ReasonCodes.DEFAULT);
    }

    private <T> Optional<T> latest(MunicipalityCode municipality, String type, Class<T> eventClass) {
        return jdbc.sql(LATEST).params(municipality.value(), type).query(byte[].class).optional()
                .map(payload -> json.readValue(payload, eventClass));
    }
}
