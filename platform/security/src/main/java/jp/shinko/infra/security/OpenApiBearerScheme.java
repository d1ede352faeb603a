package jp.shinko.infra.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/** Tells readers of the OpenAPI description (and Swagger UI's Authorize button) to send a bearer JWT. */
final class OpenApiBearerScheme implements OpenApiCustomizer {

    private static final String SCHEME = "bearer-jwt";
    private static final String DESCRIPTION = "An RS256 access token of the configured issuer and audience with the "
            + "claims sub, " + TokenClaims.ROLE + " and, for municipal roles, " + TokenClaims.MUNICIPALITY
            + " (and optionally " + TokenClaims.ORGANISATION + "). The local stack issues them: see the README.";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description(DESCRIPTION));
        openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
