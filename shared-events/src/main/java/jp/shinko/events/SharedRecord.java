package jp.shinko.events;

import java.util.List;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A fact of a record that one local government keeps and municipalities take part in, such as
 * a joint project the Metropolitan Government adopts or a case brought to its desk: stored and chained with its
 * owner's events, and published naming every participant, so that a city's consumer can follow
 * what it takes part in without knowing who keeps it.
 */
public interface SharedRecord extends DomainEvent {

    /** Every municipality taking part when the fact was recorded, the lead first; none where the record names none. */
    List<MunicipalityCode> participants();
}
