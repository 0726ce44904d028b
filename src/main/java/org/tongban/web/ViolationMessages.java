package org.tongban.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.tongban.shared.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns violations into the messages people read: translated by code when possible, Chinese otherwise. */
@Component
public class ViolationMessages {

    private final MessageSource source;

    ViolationMessages(MessageSource source) {
        this.source = source;
    }

    public String message(Violation v) {
        return source.getMessage("violation." + v.code(), v.arguments().toArray(), v.defaultMessage(),
                LocaleContextHolder.getLocale());
    }

    /** {@code [{field, message}]} in the order found. */
    public List<Map<String, String>> fieldErrors(List<Violation> violations) {
        return violations.stream().map(v -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", v.field());
            error.put("message", message(v));
            return error;
        }).toList();
    }

    /** Messages grouped by field, for pages that show each message beside its field. */
    public Map<String, String> byField(List<Violation> violations) {
        Map<String, String> byField = new LinkedHashMap<>();
        violations.forEach(v -> byField.merge(v.field(), message(v), (a, b) -> a + "；" + b));
        return byField;
    }

    String resolve(FieldError error) {
        return source.getMessage(error, LocaleContextHolder.getLocale());
    }

    MessageSource source() {
        return source;
    }
}
