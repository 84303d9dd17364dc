package vn.ocop.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The {@code /api/**} description at {@code /v3/api-docs} (bearer tokens from this service). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI identityOpenApi() {
        return new OpenAPI()
                .info(new Info().title("OCOP identity-service")
                        .description("Agency accounts and OAuth2 machine clients. Tokens: /oauth2/token; "
                                + "errors: application/problem+json (vi, or en with Accept-Language: en).")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
