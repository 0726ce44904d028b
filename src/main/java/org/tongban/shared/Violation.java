package org.tongban.shared;

import java.util.List;

/**
 * One reason why input was refused, attached to the field it concerns ({@code materials[2].name}). The code is a
 * message key for other languages; the default message is the Simplified Chinese text shown when no translation
 * exists, already filled in with the arguments (which a translation uses too).
 */
public record Violation(String field, String code, String defaultMessage, List<Object> arguments) {

    public Violation {
        arguments = List.copyOf(arguments);
    }

    /** A violation whose default message has {@code {0}}-style placeholders filled in from the arguments. */
    public static Violation of(String field, String code, String defaultMessage, Object... arguments) {
        String message = arguments.length == 0 ? defaultMessage
                : new java.text.MessageFormat(defaultMessage, java.util.Locale.SIMPLIFIED_CHINESE).format(arguments);
        return new Violation(field, code, message, List.of(arguments));
    }

    /** The same violation, reported under a containing field ({@code items[3]} + {@code name}). */
    public Violation under(String prefix) {
        return new Violation(field.isEmpty() ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field,
                code, defaultMessage, arguments);
    }
}
