package jp.shinko.command.council;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.InvalidField;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.CouncilDocument;
import jp.shinko.events.council.CouncilTable;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import jp.shinko.infra.edge.MultiLineText;

/** The bodies of the council endpoints, each read into its command; a bad field is a 400 naming it. */
final class CouncilRequests {

    private static final String ID_RULE = "1 to 64 letters, digits, '.', '_' and '-', e.g. 1";
    private static final int MOST_DOCUMENTS = 20;
    private static final int LONGEST_TEXT = 4000;

    private CouncilRequests() {
    }

    static MeetingId meetingId(String value) {
        return RequestFields.meetingId("meetingId", value);
    }

    /** The body of {@code PUT /municipalities/{code}/council-meetings/{meetingId}}. */
    @Schema(description = "A council meeting that reviewed a fiscal year, with the tables presented to it")
    record MeetingRequest(
            @Schema(description = "The fiscal year whose progress it reviewed: 2025, R7 or 令和7", example = "R7")
            String fiscalYear,
            @Schema(description = "The council as the city names it", example = "武蔵野市産業振興審議会") String council,
            @Schema(description = "The day it was held", example = "2026-02-10") String heldOn,
            @Schema(description = "The meeting as the city names it", example = "令和7年度第2回") String title,
            @Schema(description = "The tables presented, each pinned to the recorded instant it was produced from")
            List<DocumentRequest> documents,
            @Schema(description = "Required to change a meeting already recorded") @MultiLineText
            String correctionReason) {

        CouncilCommands.RecordCouncilMeeting toCommand(MunicipalityCode code, String meetingId, Instant now) {
            List<DocumentRequest> sent = RequestFields.list("documents", documents, MOST_DOCUMENTS);
            List<CouncilDocument> checked = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                checked.add(sent.get(i).toDocument("documents[" + i + "]"));
            }
            return new CouncilCommands.RecordCouncilMeeting(code, meetingId(meetingId),
                    RequestFields.fiscalYear("fiscalYear", fiscalYear),
                    RequestFields.text("council", council, 100, true),
                    RequestFields.date("heldOn", heldOn, true), RequestFields.text("title", title, 200, false),
                    List.copyOf(checked), RequestFields.text("correctionReason", correctionReason, 2000, false), now);
        }
    }

    /** One document presented to a meeting. */
    record DocumentRequest(
            @Schema(description = "The document as the meeting names it",
                    example = "資料2 あきる野市商工業振興プラン 令和5年度～進捗状況まとめ") String title,
            @Schema(description = "plan (施策体系), annual, quarterly, kpis or narratives", example = "annual")
            String table,
            @Schema(example = "shoko-2023") String planId,
            @Schema(description = "For annual, quarterly and narratives: the fiscal year of the table", example = "R7")
            String fiscalYear,
            @Schema(description = "The recorded instant the table was produced from, never in the future",
                    example = "2026-02-03T09:00:00+09:00") String pinnedAt) {

        CouncilDocument toDocument(String field) {
            CouncilTable checkedTable;
            try {
                checkedTable = CouncilTable.of(RequestFields.text(field + ".table", table, 20, true));
            } catch (InvalidField invalid) {
                throw new InvalidRequest(new FieldProblem(field + ".table", table, invalid.getMessage()));
            }
            FiscalYear year = fiscalYear == null || fiscalYear.isBlank() ? null
                    : RequestFields.fiscalYear(field + ".fiscalYear", fiscalYear);
            if (checkedTable.isOfAFiscalYear() != (year != null)) {
                String rule = checkedTable.isOfAFiscalYear() ? "is required: the table " + checkedTable.wireName()
                        + " is of one fiscal year" : "is not taken: the table " + checkedTable.wireName()
                        + " is not of one fiscal year";
                throw new InvalidRequest(new FieldProblem(field + ".fiscalYear", fiscalYear, rule));
            }
            return new CouncilDocument(RequestFields.text(field + ".title", title, 200, true), checkedTable,
                    RequestFields.planId(field + ".planId", planId), year,
                    RequestFields.instant(field + ".pinnedAt", pinnedAt));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/council-meetings/{meetingId}/opinions/{opinionId}}. */
    @Schema(description = "An opinion of the council, with the city's response once given")
    record OpinionRequest(
            @Schema(description = "The council's opinion as recorded") @MultiLineText String opinion,
            @Schema(description = "The city's response, once given") @MultiLineText String response,
            @Schema(description = "Required to change an opinion or response already recorded") @MultiLineText
            String correctionReason) {

        CouncilCommands.RecordCouncilOpinion toCommand(MunicipalityCode code, String meetingId, String opinionId) {
            return new CouncilCommands.RecordCouncilOpinion(code, meetingId(meetingId),
                    RequestFields.identifier("opinionId", opinionId, RequestFields.ID, ID_RULE),
                    RequestFields.text("opinion", opinion, LONGEST_TEXT, true),
                    RequestFields.text("response", response, LONGEST_TEXT, false),
                    RequestFields.text("correctionReason", correctionReason, 2000, false));
        }
    }
}
