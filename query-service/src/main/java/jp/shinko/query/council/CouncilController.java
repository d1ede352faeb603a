package jp.shinko.query.council;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.council.CouncilEvent;
import jp.shinko.events.council.CouncilMeetings;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.eventstore.RecordedEvents;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.asof.RowsAsOf;
import jp.shinko.query.council.CouncilViews.MeetingList;
import jp.shinko.query.council.CouncilViews.MeetingView;
import jp.shinko.query.municipality.MunicipalityProjection;
import jp.shinko.query.problem.NotFound;
import jp.shinko.query.tables.ProgressController;
import jp.shinko.query.web.ReadResponses;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The council's year read back: each meeting that reviewed a fiscal year, the tables presented
 * to it with the path that reopens each as the council saw it, and the council's opinions with
 * the city's responses. Read from the municipality's recorded events as of any instant.
 */
@RestController
@RequestMapping("/municipalities/{code}/council-meetings")
class CouncilController {

    private final RowsAsOf rows;
    private final RecordedEvents recorded;
    private final MunicipalityProjection municipalities;

    CouncilController(RowsAsOf rows, RecordedEvents recorded, MunicipalityProjection municipalities) {
        this.rows = rows;
        this.recorded = recorded;
        this.municipalities = municipalities;
    }

    @GetMapping
    @Operation(summary = "A municipality's council meetings",
            description = "Each meeting with the fiscal year it reviewed, its day, the documents presented (each a "
                    + "table pinned to a recorded instant, with the path that reopens it as of that instant) and "
                    + "the council's opinions with the city's responses.")
    @ApiResponse(responseCode = "200", description = "The meetings, in the order first recorded")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    MeetingList meetings(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132039") @PathVariable MunicipalityCode code,
            AsOfTime asOf) {
        MunicipalityCode municipality = registered(actor, code, asOf);
        return new MeetingList(municipality.value(),
                meetingsOf(municipality, asOf).meetings().stream().map(MeetingView::of).toList());
    }

    @GetMapping("/{meetingId}")
    @Operation(summary = "One council meeting with its documents, opinions and responses")
    @ApiResponse(responseCode = "200", description = "The meeting")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code, or it has no "
            + "such meeting")
    MeetingView meeting(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @Parameter(example = "shingikai-2025-2") @PathVariable MeetingId meetingId,
            AsOfTime asOf) {
        MunicipalityCode municipality = registered(actor, code, asOf);
        return meetingsOf(municipality, asOf).byId(meetingId).map(MeetingView::of)
                .orElseThrow(() -> new MeetingNotFound(meetingId));
    }

    private CouncilMeetings meetingsOf(MunicipalityCode municipality, AsOfTime asOf) {
        CouncilMeetings meetings = CouncilMeetings.NONE;
        for (DomainEventMessage<?> message : recorded.of(municipality, rows.at(asOf.instant()))) {
            if (message.getPayload() instanceof CouncilEvent event) {
                meetings = meetings.apply(event);
            }
        }
        return meetings;
    }

    /** The municipality of the path, if the caller may read it and it was registered at the time asked. */
    private MunicipalityCode registered(Actor actor, MunicipalityCode code, AsOfTime asOf) {
        return municipalities.requireRegistered(ProgressController.readable(actor, code), asOf.instant());
    }

    /** A meeting the municipality has not recorded. */
    static final class MeetingNotFound extends NotFound {

        MeetingNotFound(MeetingId meetingId) {
            super("no council meeting " + meetingId + " is recorded");
        }
    }
}
