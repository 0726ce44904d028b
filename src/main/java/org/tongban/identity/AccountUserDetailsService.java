package org.tongban.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Login by user name, mobile, credit code or ID number (found through its keyed hash), and the lockout after
 * repeated failures that stops password guessing.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private static final Pattern ID_NUMBER_SHAPE = Pattern.compile("\\d{17}[\\dXx]");

    private final Accounts accounts;
    private final PersonalDataProtection protection;
    private final Clock clock;
    private final int maxFailedLogins;
    private final Duration lockout;

    AccountUserDetailsService(Accounts accounts, PersonalDataProtection protection, Clock clock,
                              @Value("${tongban.security.max-failed-logins:5}") int maxFailedLogins,
                              @Value("${tongban.security.lockout-minutes:15}") int lockoutMinutes) {
        this.accounts = accounts;
        this.protection = protection;
        this.clock = clock;
        this.maxFailedLogins = maxFailedLogins;
        this.lockout = Duration.ofMinutes(lockoutMinutes);
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        String typed = login.strip();
        Optional<Account> found = accounts.findByLogin(typed);
        if (found.isEmpty() && ID_NUMBER_SHAPE.matcher(typed).matches()) {
            found = accounts.findByIdNumberHash(protection.lookupHash(typed.toUpperCase()));
        }
        Account a = found.orElseThrow(() -> new UsernameNotFoundException("no account for the given login"));
        return new AccountPrincipal(a.id(), a.username(), a.passwordHash(), a.enabled(),
                !a.lockedAt(clock.instant()), a.displayName(), a.kind(), a.departmentId(), a.roles());
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String login = String.valueOf(event.getAuthentication().getPrincipal());
        accounts.findByLogin(login.strip()).ifPresent(a ->
                accounts.recordFailedLogin(a.username(), maxFailedLogins, clock.instant().plus(lockout)));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            accounts.recordSuccessfulLogin(principal.getUsername());
        }
    }
}
