package jp.shinko.command.consultation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.command.municipality.MunicipalRules;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.consultation.CaseId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.edge.MultiLineText;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Metropolitan Government's single desk for the municipalities' questions (seed 003, まちづくり
 * 推進コンシェルジュ): a case opened by the municipality that brings the question or by the desk,
 * and the desk's answer with the kind of help and what came of it.
 */
@RestController
@RequestMapping("/municipalities/{code}/consultations/{caseId}")
class ConsultationController {

    private static final String ID_RULE = "1 to 64 letters, digits, '.', '_' and '-', e.g. 2026-001";
    private static final int LONGEST_TEXT = 4000;

    private final CommandGateway commandGateway;
    private final MunicipalRules rules;
    private final Clock clock;

    ConsultationController(CommandGateway commandGateway, MunicipalRules rules, Clock clock) {
        this.commandGateway = commandGateway;
        this.rules = rules;
        this.clock = clock;
    }

    /** What a change answers. */
    record Change(MunicipalityCode municipalityCode, String caseId, boolean changed, String commandId) {
    }

    /** The body of {@code PUT /municipalities/{code}/consultations/{caseId}}. */
    @Schema(description = "The question a municipality brings to the desk")
    record CaseRequest(
            @Schema(description = "The municipality that brings it; leave out only for a case the desk records "
                    + "without one", example = "132284") String municipality,
            @Schema(description = "As written, line breaks kept") @MultiLineText String question,
            @Schema(description = "The day it was brought, not after today", example = "2026-05-12") String openedOn,
            @Schema(description = "Required to change a case already recorded") @MultiLineText
            String correctionReason) {
    }

    /** The body of {@code PUT /municipalities/{code}/consultations/{caseId}/answer}. */
    @Schema(description = "The desk's answer")
    record AnswerRequest(
            @Schema(description = "As the desk names it", example = "財政支援へのつなぎ") String kindOfHelp,
            @Schema(description = "The proposal or support given, as written") @MultiLineText String answer,
            @Schema(description = "What came of it, once known") @MultiLineText String outcome,
            @Schema(description = "Required to change an answer already recorded") @MultiLineText
            String correctionReason) {
    }

    @PutMapping
    @Operation(summary = "Open a consultation case, or correct it",
            description = "For the municipal-editors of the municipality that brings the question, or the desk's "
                    + "metro-editors (東京都 is 130001). Only the desk moves a case to another municipality. Sending "
                    + "what is recorded already stores nothing; a change needs correctionReason.")
    @ApiResponse(responseCode = "200", description = "Opened, corrected, or already so")
    @ApiResponse(responseCode = "400", description = "A field is invalid; nothing stored")
    @ApiResponse(responseCode = "403", description = "The caller is neither an editor of the municipality named nor "
            + "one of the desk's")
    @ApiResponse(responseCode = "404", description = "The keeper is not registered")
    @ApiResponse(responseCode = "422", description = "The keeper is not a prefecture, the municipality is not a "
            + "registered city, the day is in the future, or a correction has no reason; nothing stored")
    Change open(@Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(example = "2026-001") @PathVariable String caseId, @RequestBody CaseRequest request) {
        ConsultationCommands.OpenConsultation command = new ConsultationCommands.OpenConsultation(code,
                caseId(caseId), request.municipality() == null || request.municipality().isBlank() ? null
                : RequestFields.municipalityCode("municipality", request.municipality()),
                RequestFields.text("question", request.question(), LONGEST_TEXT, true),
                RequestFields.date("openedOn", request.openedOn(), false),
                RequestFields.text("correctionReason", request.correctionReason(), 2000, false),
                LocalDate.ofInstant(clock.instant(), TokyoTime.ZONE));
        if (!rules.isRegistered(code)) {
            throw ConsultationRuleViolated.notRegistered(code);
        }
        return send(command, code, caseId);
    }

    @PutMapping("/answer")
    @Operation(summary = "Answer a consultation case, or correct the answer",
            description = "For the desk's metro-editors. Sending what is recorded already stores nothing; a change "
                    + "needs correctionReason.")
    @ApiResponse(responseCode = "200", description = "Answered, corrected, or already so")
    @ApiResponse(responseCode = "400", description = "A field is invalid; nothing stored")
    @ApiResponse(responseCode = "404", description = "No such case")
    @ApiResponse(responseCode = "422", description = "A correction has no reason; nothing stored")
    Change answer(@Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(example = "2026-001") @PathVariable String caseId, @RequestBody AnswerRequest request) {
        return send(new ConsultationCommands.AnswerConsultation(code, caseId(caseId),
                RequestFields.text("kindOfHelp", request.kindOfHelp(), 100, true),
                RequestFields.text("answer", request.answer(), LONGEST_TEXT, true),
                RequestFields.text("outcome", request.outcome(), LONGEST_TEXT, false),
                RequestFields.text("correctionReason", request.correctionReason(), 2000, false)), code, caseId);
    }

    private static CaseId caseId(String value) {
        return CaseId.of(RequestFields.identifier("caseId", value, RequestFields.ID, ID_RULE));
    }

    private Change send(Object command, MunicipalityCode code, String caseId) {
        String commandId = CommandIds.ofThisRequest();
        Boolean changed = commandGateway.sendAndWait(command);
        return new Change(code, caseId, changed, commandId);
    }
}
