package jp.shinko.command.municipality;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.shinko.events.municipality.MunicipalityCode;

/** The body of {@code POST /municipalities}. */
@Schema(description = "A municipality to register")
record RegisterMunicipalityRequest(
        @Schema(description = "National local-government code: 5 digits and the JIS X 0402 check digit",
                example = "132241")
        @ValidMunicipalityCode
        String code,

        @Schema(description = "Official name in Japanese", example = "多摩市")
        @NotBlank(message = "is required: the official name in Japanese, e.g. 多摩市")
        @Size(max = 40, message = "has at most 40 characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "has no control characters such as line breaks")
        String name,

        @Schema(description = "Name in Latin letters", example = "Tama")
        @NotBlank(message = "is required: the name in Latin letters, e.g. Tama")
        @Size(max = 60, message = "has at most 60 characters")
        @Pattern(regexp = "[A-Za-z][A-Za-z '\\-]*",
                message = "has Latin letters, spaces, apostrophes and hyphens only, e.g. Higashikurume")
        String romanisedName) {

    RegisterMunicipality toCommand() {
        return new RegisterMunicipality(MunicipalityCode.of(code), name.strip(),
                romanisedName.strip());
    }
}
