package org.tongban.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.AttemptCounter;
import org.tongban.shared.AttemptCounter.Key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds back a client address that makes too many wrong guesses at the public progress lookup, whichever case numbers
 * it tries: the per-number limit ({@link CaseManagement#publicProgress}) stops guessing one case's mobile digits, this
 * stops one machine walking through many numbers. After {@code address-max-failures} wrong guesses within
 * {@code window} the address is refused for {@code address-block}, even for a right guess. Counted like sign-in
 * failures ({@link AttemptCounter}), in {@code cases_lookup_counter}, in a transaction of its own (the lookup itself
 * only reads). The address is {@code request.getRemoteAddr()}: behind a reverse proxy set
 * {@code server.forward-headers-strategy}.
 */
@Component
class ProgressLookupThrottle {

    private static final Logger log = LoggerFactory.getLogger(ProgressLookupThrottle.class);

    private final AttemptCounter counters;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final int addressMaxFailures;
    private final Duration window;
    private final Duration addressBlock;

    ProgressLookupThrottle(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
                           @Value("${tongban.cases.progress-lookup.address-max-failures:20}") int addressMaxFailures,
                           @Value("${tongban.cases.progress-lookup.window:1h}") Duration window,
                           @Value("${tongban.cases.progress-lookup.address-block:1h}") Duration addressBlock) {
        this.counters = new AttemptCounter(jdbc, "cases_lookup_counter");
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.addressMaxFailures = addressMaxFailures;
        this.window = window;
        this.addressBlock = addressBlock;
    }

    boolean refuses(String address) {
        return counters.heldBack(clock.instant(), key(address));
    }

    /** A wrong guess from the address; the one that reaches the limit holds it back, and says so in the log. */
    void failed(String address) {
        ownTransaction.executeWithoutResult(s -> {
            Instant now = clock.instant();
            counters.forgetExpired(now);
            Key key = key(address);
            int failures = counters.failed(key, window, now);
            if (failures >= addressMaxFailures) {
                counters.holdBack(key, now.plus(addressBlock));
                if (failures == addressMaxFailures) {
                    log.warn("Progress lookup: address {} made {} wrong guesses within {}, held back until {}",
                            key.key(), failures, window, now.plus(addressBlock));
                }
            }
        });
    }

    private static Key key(String address) {
        return new Key("ADDRESS", AttemptCounter.clientAddress(address));
    }
}
