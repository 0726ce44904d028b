package org.tongban.support;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: the system clock in the city's zone unless a test sets a moment, which then
 * stays put until the test moves it on or {@link #reset}s it. Tests that set it must reset it (in {@code @AfterEach}),
 * since every test shares one context.
 */
@Primary
@Component
public class MovableClock extends Clock {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(String isoOffsetDateTime) {
        fixed.set(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }

    public void advance(Duration by) {
        fixed.updateAndGet(at -> (at == null ? Instant.now() : at).plus(by));
    }

    /** Moves to 10:00 in the city on {@code date} (yyyy-MM-dd). */
    public void dayAt10(String date) {
        set(date + "T10:00:00+08:00");
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return CITY;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at == null ? Instant.now() : at;
    }
}
