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
 * token in the {@code X-CSRF-TOKEN} header (docs/api.md).
 */
@RestController
@RequestMapping("/api/v1/session")
@Tag(name = "Session 会话", description = "Signing in from an API client")
class SessionApi {

    record Session(String csrfHeader, String csrfParameter, String csrfToken, @Nullable Account account) {
    }

    record Account(String displayName, String kind, Set<Role> roles) {
    }

    @GetMapping
    @Operation(summary = "The CSRF token of this session, and the signed-in account if any")
    Session session(@io.swagger.v3.oas.annotations.Parameter(hidden = true) CsrfToken csrf) {
        AccountPrincipal who = AccountManagement.currentPrincipal().orElse(null);
        return new Session(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken(),
                who == null ? null : new Account(who.displayName(), who.kind().name(), who.roles()));
    }
}
