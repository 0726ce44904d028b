package org.tongban.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.Role;

import java.util.Set;

/**
 * For API clients (the mobile app, a department system): the CSRF token to send with every writing request, and who
 * the session is signed in as. A client signs in by posting the login form ({@code POST /login} with
 * {@code username}, {@code password} and this token as {@code _csrf}), keeps the session cookie, and sends the
 * token in the {@code X-CSRF-TOKEN} header (docs/cases.md). Or, once signed in, it asks for a bearer token and sends
 * {@code Authorization: Bearer …} instead of the cookie and the CSRF token: no session is read or written then.
 */
@RestController
@RequestMapping("/api/v1/session")
@Tag(name = "Session 会话", description = "Signing in from an API client")
class SessionApi {

    /** The CSRF fields are empty for a request with a bearer token, which needs none. */
    record Session(@Nullable String csrfHeader, @Nullable String csrfParameter, @Nullable String csrfToken,
                   @Nullable Account account) {
    }

    record Account(String displayName, String kind, Set<Role> roles) {
    }

    record Token(String accessToken, String tokenType, long expiresIn, java.time.Instant expiresAt) {
    }

    private final AccountManagement accounts;

    SessionApi(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @org.springframework.web.bind.annotation.PostMapping("/token")
    @Operation(summary = "A bearer token for this signed-in session's account",
            description = "Send it as `Authorization: Bearer <accessToken>` on API requests, with no cookie and no "
                    + "CSRF token. It expires after `expiresIn` seconds (tongban.security.api-token-lifetime, 1 hour "
                    + "by default); ask again from the session. It ends at once when the account is disabled, its "
                    + "password or roles change, or DELETE /api/v1/session/token is called. Only a session may ask: "
                    + "a token cannot ask for another (409 identity.token-from-token).")
    Token token() {
        var token = accounts.issueApiToken();
        return new Token(token.value(), "Bearer", token.expiresInSeconds(), token.expiresAt());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/token")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Ends every bearer token of the signed-in account issued until now")
    void revokeTokens() {
        accounts.revokeApiTokens();
    }

    @GetMapping
    @Operation(summary = "The CSRF token of this session, and the signed-in account if any")
    Session session(@io.swagger.v3.oas.annotations.Parameter(hidden = true) @Nullable CsrfToken csrf) {
        AccountPrincipal who = AccountManagement.currentPrincipal().orElse(null);
        return new Session(csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getParameterName(),
                csrf == null ? null : csrf.getToken(),
                who == null ? null : new Account(who.displayName(), who.kind().name(), who.roles()));
    }
}
