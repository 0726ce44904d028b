package org.tongban.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in by user name, mobile, credit code or ID number, all resolved by {@link SignInIdentifiers}; every wrong
 * password is counted by {@link SignInThrottle} against the same subject, whichever identifier was typed.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final SignInIdentifiers identifiers;
    private final SignInThrottle throttle;

    AccountUserDetailsService(SignInIdentifiers identifiers, SignInThrottle throttle) {
        this.identifiers = identifiers;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        Account a = identifiers.account(login)
                .orElseThrow(() -> new UsernameNotFoundException("no account for the given login"));
        return new AccountPrincipal(a.id(), a.username(), a.passwordHash(), a.enabled(), true, a.displayName(),
                a.kind(), a.departmentId(), a.roles(), a.realNameLevel());
    }

    /** A wrong password, or an identifier that names no account (Spring Security reports both as bad credentials). */
    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        throttle.failed(identifiers.subject(String.valueOf(event.getAuthentication().getPrincipal())),
                address(event.getAuthentication()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            throttle.succeeded(SignInIdentifiers.subjectOf(principal.accountId()), address(event.getAuthentication()));
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
    }
}
