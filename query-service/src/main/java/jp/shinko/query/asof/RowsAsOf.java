package jp.shinko.query.asof;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.eventstore.RecordedEvents;
import jp.shinko.query.rows.CityRows;
import jp.shinko.query.rows.JdbcProgressRows;
import jp.shinko.query.rows.ReplayedRows;
import org.springframework.stereotype.Component;

/**
 * The rows a query reads: the live tables, or, for an instant in the past, the rows folded
 * again from the events recorded up to it. One municipality's past costs a replay of its own
 * events only.
 */
@Component
public class RowsAsOf {

    private final JdbcProgressRows live;
    private final RecordedEvents recorded;
    private final Clock clock;

    RowsAsOf(JdbcProgressRows live, RecordedEvents recorded, Clock clock) {
        this.live = live;
        this.recorded = recorded;
        this.clock = clock;
    }

    /** A municipality's rows, now or as they stood at the instant. */
    public CityRows of(MunicipalityCode municipality, Optional<Instant> asOf) {
        return asOf.<CityRows>map(instant -> ReplayedRows.of(recorded.of(municipality, instant)))
                .orElseGet(live::forQueries);
    }

    /**
     * The rows a view across cities reads for this caller: of every municipality, or of the
     * one asked for or the only one the caller may read, which is all a past instant replays.
     */
    public CityRows across(Actor actor, Optional<MunicipalityCode> only, Optional<Instant> asOf) {
        Optional<MunicipalityCode> one = scopeOf(actor, only);
        return asOf.<CityRows>map(instant -> one.map(code -> ReplayedRows.of(recorded.of(code, instant)))
                        .orElseGet(() -> {
                            ReplayedRows all = new ReplayedRows();
                            recorded.forEach(instant, all::apply);
                            return all;
                        }))
                .orElseGet(live::forQueries);
    }

    /** The one municipality a view across cities is of for this caller, if not every one. */
    public Optional<MunicipalityCode> scopeOf(Actor actor, Optional<MunicipalityCode> only) {
        return only.or(() -> actor.readsEveryMunicipality() ? Optional.empty()
                : Optional.of(actor.municipalityCode()));
    }

    /** The time the answer stands at: the instant asked for, or now. */
    public Instant at(Optional<Instant> asOf) {
        return asOf.orElseGet(clock::instant);
    }
}
