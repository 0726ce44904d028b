package org.tongban.identity;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tongban.shared.AuthorizedBy;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Work that an account asked for while signed in and that runs later, in the background (a catalogue import
 * queued from the transfer page): it runs as that account, read again from the database when the work starts, so
 * that every checked method it calls decides on the account's roles as they are then, exactly as in a request of
 * the account's own. Unlike {@link SystemActor}, it grants nothing: an account disabled since, or without the role
 * any more, is refused as its own request would be.
 */
@Component
public class AccountActor {

    private final Accounts accounts;

    AccountActor(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Runs the work as the account, with its current roles, and restores the caller's security context after.
     *
     * @throws AccessDeniedException when the account does not exist (a system actor has no account) or is disabled
     */
    @AuthorizedBy("background work an account asked for while signed in: it runs with the account's roles as they are"
            + " now, so each checked method it calls decides as for the account itself; nothing runs for an unknown"
            + " or disabled account")
    public <T> T runAs(UUID accountId, Supplier<T> work) {
        Account a = accounts.findById(accountId)
                .orElseThrow(() -> new AccessDeniedException("no account " + accountId));
        if (!a.enabled()) {
            throw new AccessDeniedException("account " + a.username() + " is disabled");
        }
        AccountPrincipal principal = new AccountPrincipal(a.id(), a.username(), "", true, true, a.displayName(),
                a.kind(), a.departmentId(), a.roles(), a.realNameLevel());
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
