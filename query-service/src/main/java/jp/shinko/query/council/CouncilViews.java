package jp.shinko.query.council;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.CouncilDocument;
import jp.shinko.events.council.CouncilMeetingRecorded;
import jp.shinko.events.council.CouncilMeetings.Meeting;
import jp.shinko.events.council.CouncilOpinionRecorded;
import jp.shinko.events.council.CouncilTable;

/** What the council endpoints answer. */
final class CouncilViews {

    private CouncilViews() {
    }

    /** A municipality's council meetings, in the order first recorded. */
    record MeetingList(String municipalityCode, List<MeetingView> meetings) {
    }

    /**
     * One meeting as last recorded.
     *
     * @param fiscalYear the fiscal year it reviewed
     * @param fiscalYearJapanese the same as 令和N年度
     * @param correctionReason why the record was last corrected, if it was
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MeetingView(String meetingId, int fiscalYear, String fiscalYearJapanese, String council, LocalDate heldOn,
            String title, List<DocumentView> documents, List<OpinionView> opinions, String correctionReason) {

        static MeetingView of(Meeting meeting) {
            CouncilMeetingRecorded recorded = meeting.meeting();
            String municipality = recorded.municipalityCode().value();
            return new MeetingView(recorded.meetingId().value(), recorded.fiscalYear().value(),
                    recorded.fiscalYear().japanese(), recorded.council(), recorded.heldOn(), recorded.title(),
                    recorded.documents().stream().map(document -> DocumentView.of(municipality, document)).toList(),
                    meeting.opinions().stream().map(OpinionView::of).toList(), recorded.correctionReason());
        }
    }

    /**
     * A document presented to the meeting, with the path that reopens it exactly as the council
     * saw it: the table as of the instant it was pinned to.
     *
     * @param table plan, annual, quarterly, kpis or narratives
     * @param tableJapanese the table as the cities call it
     * @param reopen the query path that answers the table as of {@code pinnedAt}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentView(String title, String table, String tableJapanese, String planId, Integer fiscalYear,
            String fiscalYearJapanese, Instant pinnedAt, String reopen) {

        static DocumentView of(String municipality, CouncilDocument document) {
            FiscalYear year = document.fiscalYear();
            return new DocumentView(document.title(), document.table().wireName(), document.table().japanese(),
                    document.planId().value(), year == null ? null : year.value(), year == null ? null
                    : year.japanese(), document.pinnedAt(), reopen(municipality, document));
        }

        private static String reopen(String municipality, CouncilDocument document) {
            String plan = "/municipalities/" + municipality + "/plans/" + document.planId();
            String path = document.table() == CouncilTable.PLAN ? plan
                    : plan + "/progress/" + document.table().wireName();
            String year = document.fiscalYear() == null ? "" : "fiscalYear=" + document.fiscalYear().value() + "&";
            return path + "?" + year + "asOf=" + document.pinnedAt();
        }
    }

    /** An opinion of the council with the city's response, if given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OpinionView(String opinionId, String opinion, String response, String correctionReason) {

        static OpinionView of(CouncilOpinionRecorded recorded) {
            return new OpinionView(recorded.opinionId(), recorded.opinion(), recorded.response(),
                    recorded.correctionReason());
        }
    }
}
