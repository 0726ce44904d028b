package org.tongban.shared;

import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text people type is plain text: markup is refused with a message beside the field rather than stored. Pages escape
 * everything anyway; refusing it as well means nothing typed can ever run in a page, a PDF or an export.
 */
public final class PlainText {

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|&#|javascript:", Pattern.CASE_INSENSITIVE);

    private PlainText() {
    }

    /**
     * The one problem with a text people typed, if any: missing when required, longer than {@code maxLength}
     * (ignoring surrounding spaces), or holding markup.
     */
    public static Optional<Violation> check(String field, @Nullable String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(Violation.of(field, "required", "请填写此项")) : Optional.empty();
        }
        if (value.strip().length() > maxLength) {
            return Optional.of(Violation.of(field, "too-long", "不能超过 {0} 个字", maxLength));
        }
        return markup(field, value);
    }

    /** The violation for {@code field} when the value holds markup or a script; empty for plain text or nothing. */
    public static Optional<Violation> markup(String field, @Nullable String value) {
        return value != null && MARKUP.matcher(value).find()
                ? Optional.of(Violation.of(field, "markup", "不能包含 HTML 标记或脚本（如 <script>），请只填写文字"))
                : Optional.empty();
    }
}
