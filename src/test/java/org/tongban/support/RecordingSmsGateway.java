package org.tongban.support;

import org.springframework.stereotype.Component;
import org.tongban.identity.SmsGateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMS gateway of the tests: the one outside system that is faked. Being the only {@link SmsGateway} bean, it
 * replaces the logging default, as a real gateway would; it keeps every message so that a test can read the code.
 */
@Component
public class RecordingSmsGateway implements SmsGateway {

    private static final Pattern CODE = Pattern.compile("验证码 (\\d{6})");

    public record Message(String mobile, String text) {
    }

    private final List<Message> sent = new CopyOnWriteArrayList<>();

    private final java.util.Set<String> refusing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void send(String mobile, String text) {
        if (refusing.contains(mobile)) {
            throw new IllegalStateException("The SMS provider refused the message to " + mobile + " (test)");
        }
        sent.add(new Message(mobile, text));
    }

    /** Refuses every message to this mobile until {@link #accept} it again, as a provider that is down would. */
    public void refuse(String mobile) {
        refusing.add(mobile);
    }

    public void accept(String mobile) {
        refusing.remove(mobile);
    }

    public List<Message> sentTo(String mobile) {
        return sent.stream().filter(m -> m.mobile().equals(mobile)).toList();
    }

    /** The code in the last message to this mobile. */
    public Optional<String> lastCode(String mobile) {
        List<Message> messages = sentTo(mobile);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(messages.getLast().text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
