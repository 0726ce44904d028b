package org.tongban.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Work the platform does by itself at start-up, without anybody signed in (loading the demo city, creating the
 * first administrator): it runs as a named system account with the roles it needs, so that it goes through the
 * same checked module API methods as a person would, and the administration log records it under its name
 * ({@code system:demo-data}). Never used on behalf of a request.
 */
public final class SystemActor {

    /** The account identifier of every system actor: no real account has it. */
    public static final UUID ID = new UUID(0, 0);

    private SystemActor() {
    }

    public static <T> T runAs(String name, Set<Role> roles, Supplier<T> work) {
        AccountPrincipal system = new AccountPrincipal(ID, "system:" + name, "", true, true, "系统（" + name + "）",
                AccountKind.STAFF, null, roles, RealNameLevel.IN_PERSON);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(String name, Set<Role> roles, Runnable work) {
        runAs(name, roles, () -> {
            work.run();
            return null;
        });
    }
}
