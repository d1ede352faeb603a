package jp.shinko.query.asof;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
 * events only, from the latest of its checkpoints that serves ({@link FoldCheckpoints}).
 */
@Component
public class RowsAsOf {

    private final JdbcProgressRows live;
    private final RecordedEvents recorded;
    private final FoldCheckpoints checkpoints;
    private final Clock clock;

    RowsAsOf(JdbcProgressRows live, RecordedEvents recorded, FoldCheckpoints checkpoints, Clock clock) {
        this.live = live;
        this.recorded = recorded;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** A municipality's rows, now or as they stood at the instant. */
    public CityRows of(MunicipalityCode municipality, Optional<Instant> asOf) {
        return asOf.<CityRows>map(instant -> pastOf(municipality, instant)).orElseGet(live::forQueries);
    }

    /** One municipality's rows as they stood at the instant: folded from its latest checkpoint that serves. */
    private ReplayedRows pastOf(MunicipalityCode municipality, Instant instant) {
        return checkpoints.fold(municipality, recorded.of(municipality, instant));
    }

    /**
     * The rows a view across cities reads for this caller, when one set of rows serves: the live
     * tables, or the one municipality asked for (or the only one the caller may read) as it stood
     * at a past instant. Empty for every municipality at a past instant, which is read one
     * municipality at a time ({@link #across(Actor, Optional, Optional, Function)}).
     */
    public Optional<CityRows> whole(Actor actor, Optional<MunicipalityCode> only, Optional<Instant> asOf) {
        Optional<MunicipalityCode> one = scopeOf(actor, only);
        if (asOf.isEmpty()) {
            return Optional.of(live.forQueries());
        }
        return one.map(code -> pastOf(code, asOf.get()));
    }

    /**
     * A view across cities for this caller, as one list: the view of the rows {@link #whole}
     * gives, or, for every municipality at a past instant, the views of each municipality's rows
     * folded again from its own events, put together in code order. One municipality's rows are in
     * memory at a time, however many the store holds.
     */
    public <T> List<T> across(Actor actor, Optional<MunicipalityCode> only, Optional<Instant> asOf,
            Function<CityRows, List<T>> view) {
        return whole(actor, only, asOf).map(view).orElseGet(() -> {
            List<T> all = new ArrayList<>();
            recorded.forEachMunicipality(asOf.orElseThrow(), events -> all.addAll(view.apply(ReplayedRows.of(events))));
            return all;
        });
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
