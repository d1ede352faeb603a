package jp.shinko.events.council;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * An opinion the council gave at a meeting, with the city's response once it gives one. Recorded
 * again (with the response, or corrected), it supersedes what was recorded before; the earlier
 * text stays in the history.
 *
 * @param municipalityCode the municipality
 * @param meetingId the meeting
 * @param opinionId the opinion within the meeting, e.g. 1
 * @param opinion the council's opinion as recorded
 * @param response the city's response, if it has given one
 * @param correctionReason why an earlier record of the opinion or response is corrected, if it is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "CouncilOpinionRecorded", revision = 1)
public record CouncilOpinionRecorded(MunicipalityCode municipalityCode, MeetingId meetingId, String opinionId,
        String opinion, String response, String correctionReason) implements CouncilEvent {

    @Override
    public <R> R accept(CouncilEvent.Visitor<R> visitor) {
        return visitor.councilOpinionRecorded(this);
    }
}
