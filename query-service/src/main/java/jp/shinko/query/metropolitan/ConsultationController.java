package jp.shinko.query.metropolitan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.consultation.CaseId;
import jp.shinko.events.consultation.ConsultationAnswered;
import jp.shinko.events.consultation.ConsultationOpened;
import jp.shinko.events.consultation.Consultations;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.metropolitan.JointProjectViews.Municipality;
import jp.shinko.query.metropolitan.KeptRecords.Keeping;
import jp.shinko.query.municipality.MunicipalityProjection;
import jp.shinko.query.problem.NotFound;
import jp.shinko.query.tables.ProgressController;
import jp.shinko.query.web.Paging;
import jp.shinko.query.web.ReadResponses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's consultation cases read back (seed 003, まちづくり推進コンシェルジュ), as they stood at
 * any instant: a prefecture's cases, or those a municipality brought; one case. A municipal role
 * reads only the cases of its municipality.
 */
@RestController
@RequestMapping("/municipalities/{code}/consultations")
class ConsultationController {

    private final KeptRecords kept;
    private final MunicipalityProjection municipalities;

    ConsultationController(KeptRecords kept, MunicipalityProjection municipalities) {
        this.kept = kept;
        this.municipalities = municipalities;
    }

    /**
     * One case as it stood.
     *
     * @param keeper the government whose desk keeps it
     * @param municipality the municipality that brought it; absent where the record names none
     * @param answered whether the desk has answered it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CaseView(String keeper, String caseId, Municipality municipality, String question, LocalDate openedOn,
            boolean answered, String kindOfHelp, String answer, String outcome, String correctionReason,
            String answerCorrectionReason) {

        static CaseView of(Keeping keeping, Consultations.Case found) {
            ConsultationOpened opened = found.opened();
            ConsultationAnswered answer = found.answer();
            return new CaseView(keeping.keeper().value(), opened.caseId().value(), opened.municipality() == null
                    ? null : Municipality.of(keeping, opened.municipality()), opened.question(), opened.openedOn(),
                    answer != null, answer == null ? null : answer.kindOfHelp(), answer == null ? null
                    : answer.answer(), answer == null ? null : answer.outcome(), opened.correctionReason(),
                    answer == null ? null : answer.correctionReason());
        }
    }

    /** A page of cases. */
    record CasePage(String municipalityCode, List<CaseView> cases, int page, int size, int totalCases) {
    }

    @GetMapping
    @Operation(summary = "Consultation cases a prefecture's desk keeps, or a municipality brought",
            description = "For a prefecture (東京都 130001) every case of its desk; for a city the cases it brought, "
                    + "whoever keeps them. In the order first opened.")
    @ApiResponse(responseCode = "200", description = "One page of cases")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    @ReadResponses.OfOneMunicipality
    CasePage cases(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(description = "Only answered (true) or unanswered (false) cases")
            @RequestParam Optional<Boolean> answered,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size);
        municipalities.requireRegistered(ProgressController.readable(actor, code), asOf.instant());
        List<CaseView> cases = new ArrayList<>();
        for (Keeping keeping : kept.concerning(code, asOf.instant()).keepings()) {
            keeping.consultations().cases().stream()
                    .filter(found -> code.isPrefecture() || found.isFor(code))
                    .filter(found -> answered.map(wanted -> wanted == (found.answer() != null)).orElse(true))
                    .forEach(found -> cases.add(CaseView.of(keeping, found)));
        }
        int from = Paging.firstRow(cases.size(), page, size);
        return new CasePage(code.value(), cases.subList(from, Math.min(cases.size(), from + size)), page, size,
                cases.size());
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "One consultation case",
            description = "Readable by the keeper's readers and by the municipal roles of the municipality it is for.")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "403", description = "A municipal role of another municipality")
    @ApiResponse(responseCode = "404", description = "The keeper is not registered or has no such case")
    CaseView consultation(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(example = "2026-001") @PathVariable CaseId caseId,
            AsOfTime asOf) {
        municipalities.requireRegistered(code, asOf.instant());
        Keeping keeping = kept.of(code, asOf.instant());
        Optional<Consultations.Case> found = keeping.consultations().byId(caseId);
        if (!actor.mayRead(code) && found.filter(one -> one.isFor(actor.municipalityCode())).isEmpty()) {
            throw new AccessRefused(actor.describe() + " may read only the cases municipality "
                    + actor.municipalityCode() + " brought");
        }
        return found.map(one -> CaseView.of(keeping, one)).orElseThrow(() -> new CaseNotFound(code, caseId));
    }

    /** A case the desk has not recorded. */
    static final class CaseNotFound extends NotFound {

        CaseNotFound(MunicipalityCode keeper, CaseId caseId) {
            super("municipality " + keeper + "'s desk keeps no consultation case " + caseId);
        }
    }
}
