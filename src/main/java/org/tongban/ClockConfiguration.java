package org.tongban;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The one clock of the application: working days, deadlines and "in force" dates are the city's local dates, and
 * nothing reads the system time except through this clock. For demonstrations, training and acceptance tests it
 * can be fixed at a moment ({@code tongban.clock.fixed=2026-09-30T10:00:00+08:00}) or run ahead or behind by a
 * duration ({@code tongban.clock.offset=P-3D}); both are logged at start, so nobody mistakes a training platform's
 * dates for real ones.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(@Value("${tongban.time-zone:Asia/Shanghai}") String zone,
                @Value("${tongban.clock.fixed:}") String fixed,
                @Value("${tongban.clock.offset:}") String offset) {
        return clock(ZoneId.of(zone), fixed, offset);
    }

    static Clock clock(ZoneId zone, String fixed, String offset) {
        if (!fixed.isBlank() && !offset.isBlank()) {
            throw new IllegalStateException("tongban.clock.fixed and tongban.clock.offset cannot both be set");
        }
        if (!fixed.isBlank()) {
            OffsetDateTime at = OffsetDateTime.parse(fixed.strip());
            log.warn("The platform clock is FIXED at {}: every date and deadline is computed for that moment", at);
            return Clock.fixed(at.toInstant(), zone);
        }
        if (!offset.isBlank()) {
            Duration by = Duration.parse(offset.strip());
            log.warn("The platform clock runs OFFSET by {} from the system time", by);
            return Clock.offset(Clock.system(zone), by);
        }
        return Clock.system(zone);
    }
}
