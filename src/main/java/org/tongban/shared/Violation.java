package org.tongban.shared;

import java.util.List;

/**
 * One reason why input was refused, attached to the field it concerns ({@code materials[2].name}). The code is a
 * message key for other languages; the default message is the Simplified Chinese text shown when no translation
 * exists.
 */
public record Violation(String field, String code, String defaultMessage, List<Object> arguments) {

    public Violation {
        arguments = List.copyOf(arguments);
    }

    public static Violation of(String field, String code, String defaultMessage, Object... arguments) {
        return new Violation(field, code, defaultMessage, List.of(arguments));
    }

    /** The same violation, reported under a containing field ({@code items[3]} + {@code name}). */
    public Violation under(String prefix) {
        return new Violation(field.isEmpty() ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field,
                code, defaultMessage, arguments);
    }
}
