package org.tongban.identity;

/**
 * Extension point: how the platform sends a text message (one-time codes for password reset and registration).
 * Declare one bean of this type to send through a real SMS provider; without one, {@link LoggingSmsGateway} writes
 * each message to the log, which is enough for the demo. An implementation should return once the provider has
 * accepted the message and throw if it refused it.
 */
public interface SmsGateway {

    /** Sends {@code text} to the 11-digit mainland mobile number {@code mobile}. */
    void send(String mobile, String text);
}
