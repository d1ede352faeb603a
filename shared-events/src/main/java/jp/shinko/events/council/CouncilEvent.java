package jp.shinko.events.council;

import jp.shinko.events.DomainEvent;

/**
 * A fact of a municipality's council year (seed 002 chapter 6: progress is reported to the
 * 産業振興審議会 every year, which gives its opinions; seed 004 is 資料2 of such a meeting),
 * recorded by the municipality.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface CouncilEvent extends DomainEvent permits CouncilMeetingRecorded, CouncilOpinionRecorded {

    /** The meeting the event is about. */
    MeetingId meetingId();

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R councilMeetingRecorded(CouncilMeetingRecorded event);

        R councilOpinionRecorded(CouncilOpinionRecorded event);
    }
}
