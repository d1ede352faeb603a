package jp.shinko.query.municipality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.web.ReadResponses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads registered municipalities; municipal roles read only their own. */
@RestController
class MunicipalityController {

    private final MunicipalityProjection municipalities;

    MunicipalityController(MunicipalityProjection municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping("/municipalities")
    @Operation(summary = "List registered municipalities",
            description = "In code order. A municipal role sees only its own municipality.")
    MunicipalityList list(@AuthenticationPrincipal Actor actor,
            AsOfTime asOf) {
        Optional<Instant> at = asOf.instant();
        return new MunicipalityList(actor.readsEveryMunicipality()
                ? municipalities.findAll(at)
                : municipalities.find(actor.municipalityCode(), at).stream().toList());
    }

    @GetMapping("/municipalities/{code}")
    @Operation(summary = "Read one municipality")
    @ApiResponse(responseCode = "200", description = "The municipality")
    @ApiResponse(responseCode = "400", description = "The code is not a valid municipality code")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    MunicipalitySummary get(@AuthenticationPrincipal Actor actor,
            @Parameter(description = "Municipality code, e.g. 132241", example = "132241")
            @PathVariable MunicipalityCode code,
            AsOfTime asOf) {
        MunicipalityCode municipalityCode = code;
        if (!actor.mayRead(municipalityCode)) {
            // before looking it up, so the answer does not tell whether another municipality is registered
            throw AccessRefused.toRead(actor, municipalityCode);
        }
        return municipalities.find(municipalityCode, asOf.instant())
                .orElseThrow(() -> new MunicipalityNotFound(municipalityCode));
    }
}
