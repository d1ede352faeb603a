package jp.shinko.events;

import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A fact recorded for one municipality.
 *
 * <p>Every event names the municipality it belongs to, so one city's stream can be read,
 * exported, replayed and partitioned on Kafka on its own. Implementations are immutable
 * records annotated with {@link EventType} and listed in {@link EventCatalogue}.
 */
public interface DomainEvent {

    /** The municipality this fact belongs to. */
    MunicipalityCode municipalityCode();
}
