package jp.shinko.query.municipality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.shinko.events.municipality.MunicipalityCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads registered municipalities. */
@RestController
class MunicipalityController {

    private final MunicipalityProjection municipalities;

    MunicipalityController(MunicipalityProjection municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping("/municipalities")
    @Operation(summary = "List registered municipalities", description = "In code order.")
    MunicipalityList list() {
        return new MunicipalityList(municipalities.findAll());
    }

    @GetMapping("/municipalities/{code}")
    @Operation(summary = "Read one municipality")
    @ApiResponse(responseCode = "200", description = "The municipality")
    @ApiResponse(responseCode = "400", description = "The code is not a valid municipality code")
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    MunicipalitySummary get(@Parameter(description = "Municipality code, e.g. 132241", example = "132241")
            @PathVariable String code) {
        MunicipalityCode municipalityCode = MunicipalityCode.of(code);
        return municipalities.find(municipalityCode).orElseThrow(() -> new MunicipalityNotFound(municipalityCode));
    }
}
