package org.tongban.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AttemptCounter;
import org.tongban.shared.AttemptCounter.Key;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Slows password guessing down without letting anyone lock a person out. Failed sign-ins are counted three ways, in
 * PostgreSQL so that every instance sees them, and each counter is forgotten after its window passes without a new
 * failure:
 * <ol>
 *   <li><b>Per subject and client address</b> (the decisive one): after {@code failures-before-delay} wrong passwords
 *   for one account from one address, that address is refused for that account for {@code first-delay}, doubling with
 *   each further failure up to {@code max-delay}. Someone guessing {@code admin} from address A shuts only A out; the
 *   administrator signing in from B is not affected.</li>
 *   <li><b>Per client address</b>, across accounts: an address with {@code address-max-failures} failures within
 *   {@code window} is refused for every account for {@code address-block}, which stops one machine trying one
 *   password on many accounts.</li>
 *   <li><b>Per subject</b>, across addresses, only as a slow-down: once an account has {@code account-slow-down-after}
 *   failures within {@code window} (a guessing attack spread over many addresses), the per-address rule above starts
 *   after one failure instead of {@code failures-before-delay}. This is deliberately not a lockout: a lockout on the
 *   account alone is exactly what an attacker would use to keep its holder out. An address that has not failed on
 *   the account is never refused, so the holder signing in with the right password still gets in; she waits only
 *   if she mistypes, and then only for {@code first-delay}.</li>
 * </ol>
 * A subject is the account whichever identifier named it ({@link SignInIdentifiers}); an identifier that names no
 * account is a subject of its own, throttled the same way, so that refusals tell nothing about which accounts exist.
 * The client address is {@code request.getRemoteAddr()}: behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} (or {@code framework}) and let the proxy set {@code X-Forwarded-For},
 * or every visitor would share the proxy's address.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final AttemptCounter counters;
    private final Clock clock;
    private final int failuresBeforeDelay;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration failureMemory;
    private final int addressMaxFailures;
    private final Duration window;
    private final Duration addressBlock;
    private final int accountSlowDownAfter;

    SignInThrottle(JdbcClient jdbc, Clock clock,
                   @Value("${tongban.security.sign-in.failures-before-delay:5}") int failuresBeforeDelay,
                   @Value("${tongban.security.sign-in.first-delay:1m}") Duration firstDelay,
                   @Value("${tongban.security.sign-in.max-delay:1h}") Duration maxDelay,
                   @Value("${tongban.security.sign-in.failure-memory:24h}") Duration failureMemory,
                   @Value("${tongban.security.sign-in.address-max-failures:30}") int addressMaxFailures,
                   @Value("${tongban.security.sign-in.window:1h}") Duration window,
                   @Value("${tongban.security.sign-in.address-block:15m}") Duration addressBlock,
                   @Value("${tongban.security.sign-in.account-slow-down-after:20}") int accountSlowDownAfter) {
        this.jdbc = jdbc;
        this.counters = new AttemptCounter(jdbc, "identity_sign_in_counter");
        this.clock = clock;
        this.failuresBeforeDelay = failuresBeforeDelay;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.failureMemory = failureMemory;
        this.addressMaxFailures = addressMaxFailures;
        this.window = window;
        this.addressBlock = addressBlock;
        this.accountSlowDownAfter = accountSlowDownAfter;
    }

    /** Whether a sign-in for this subject from this address is refused before its password is looked at. */
    boolean refuses(String subject, String address) {
        return counters.heldBack(clock.instant(), pair(subject, address), address(address));
    }

    @Transactional
    void failed(String subject, String address) {
        Instant now = clock.instant();
        counters.forgetExpired(now);
        int forSubject = counters.failed(new Key("SUBJECT", subject), window, now);
        int fromAddress = counters.failed(address(address), window, now);
        int forPair = counters.failed(pair(subject, address), failureMemory, now);
        int threshold = forSubject >= accountSlowDownAfter ? 1 : failuresBeforeDelay;
        if (forPair >= threshold) {
            counters.holdBack(pair(subject, address), now.plus(delay(forPair - threshold)));
        }
        if (fromAddress >= addressMaxFailures) {
            counters.holdBack(address(address), now.plus(addressBlock));
        }
    }

    /** A right password from this address: its failures for this subject are forgotten (not the address's). */
    void succeeded(String subject, String address) {
        counters.forget(pair(subject, address));
    }

    /** Accounts refused from at least one address just now. */
    Set<UUID> heldBackAccounts() {
        return jdbc.sql("""
                SELECT DISTINCT split_part(key, '|', 1) FROM identity_sign_in_counter
                WHERE scope = 'SUBJECT_ADDRESS' AND key LIKE 'account:%' AND blocked_until > ?""")
                .param(Timestamp.from(clock.instant())).query(String.class).list().stream()
                .map(s -> UUID.fromString(s.substring("account:".length()))).collect(Collectors.toSet());
    }

    /** Whether this account is refused from at least one address just now. */
    boolean heldBack(UUID accountId) {
        return Boolean.TRUE.equals(jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM identity_sign_in_counter
                               WHERE scope = 'SUBJECT_ADDRESS' AND key LIKE ? AND blocked_until > ?)""")
                .params(SignInIdentifiers.subjectOf(accountId) + "|%", Timestamp.from(clock.instant()))
                .query(Boolean.class).single());
    }

    /** Forgets every failure counted against the account (an administrator lifted the hold, or a password reset). */
    void forget(UUID accountId) {
        String subject = SignInIdentifiers.subjectOf(accountId);
        jdbc.sql("""
                DELETE FROM identity_sign_in_counter
                WHERE (scope = 'SUBJECT' AND key = :s) OR (scope = 'SUBJECT_ADDRESS' AND key LIKE :prefix)""")
                .param("s", subject).param("prefix", subject + "|%").update();
    }

    private Duration delay(int failuresPastThreshold) {
        Duration delay = firstDelay;
        for (int i = 0; i < failuresPastThreshold && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static Key pair(String subject, String address) {
        return new Key("SUBJECT_ADDRESS", subject + "|" + AttemptCounter.clientAddress(address));
    }

    private static Key address(String address) {
        return new Key("ADDRESS", AttemptCounter.clientAddress(address));
    }
}
