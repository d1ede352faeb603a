package jp.shinko.events.jointproject;

import jp.shinko.events.SharedRecord;
import jp.shinko.events.calendar.AboutFiscalYear;

/**
 * A fact of a joint project (seed 003, 多様な主体との連携活動促進支援事業): two or more
 * municipalities working together with companies, universities and other bodies, adopted and
 * subsidised by the prefecture that keeps the record, with results reported by the cities.
 *
 * <p>The owner's code is {@link #municipalityCode()}: the project is stored, chained and keyed on
 * Kafka with the prefecture's events, and every event names the participants.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface JointProjectEvent extends SharedRecord, AboutFiscalYear
        permits JointProjectRecorded, SubsidyDecided, ProjectResultReported {

    /** The project the event is about. */
    ProjectId projectId();

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R jointProjectRecorded(JointProjectRecorded event);

        R subsidyDecided(SubsidyDecided event);

        R projectResultReported(ProjectResultReported event);
    }
}
