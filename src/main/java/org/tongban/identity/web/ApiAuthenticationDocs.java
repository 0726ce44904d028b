package org.tongban.identity.web;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import org.springframework.context.annotation.Configuration;

/**
 * The two ways an API client authenticates, as the OpenAPI document states them (docs/cases.md, "API clients"):
 * a bearer token from {@code POST /api/v1/session/token}, or the session cookie with the CSRF token in a header.
 */
@Configuration(proxyBeanMethods = false)
@SecuritySchemes({
        @SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "Authorization: Bearer <accessToken> from POST /api/v1/session/token (asked for by a "
                        + "signed-in session). No cookie and no CSRF token with it; 401 with WWW-Authenticate: "
                        + "Bearer error=\"invalid_token\" once it expired or was ended."),
        @SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
                paramName = "SESSION", description = "The session cookie from POST /login (form: username, password, "
                        + "_csrf); every writing request also sends the X-CSRF-TOKEN header from GET /api/v1/session.")
})
class ApiAuthenticationDocs {
}
