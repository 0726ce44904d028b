package org.tongban.support;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/** Runs module API calls as a real account of the demo data, exactly as a signed-in request would. */
@Component
public class SignedIn {

    private final UserDetailsService users;

    SignedIn(UserDetailsService users) {
        this.users = users;
    }

    public <T> T as(String login, Supplier<T> work) {
        UserDetails user = users.loadUserByUsername(login);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void as(String login, Runnable work) {
        as(login, () -> {
            work.run();
            return null;
        });
    }
}
