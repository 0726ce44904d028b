package org.tongban.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link SmsGateway} when no other is declared: logs each message at INFO, so that on the demo the code
 * can be read from the log. The mobile is logged masked; the text (and so the code) in full, since that is the point.
 * Not for production, where a real gateway bean replaces it.
 */
final class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String mobile, String text) {
        log.info("SMS to {} (no SMS gateway configured, logged instead): {}", AccountSummary.maskMobile(mobile), text);
    }
}
