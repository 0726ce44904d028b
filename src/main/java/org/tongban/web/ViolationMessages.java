package org.tongban.web;

import org.tongban.shared.AuthorizedBy;
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

    @AuthorizedBy("anyone: words for a message; reads and changes nothing")
    public String message(Violation v) {
        String translated = source.getMessage("violation." + v.code(), v.arguments().toArray(), null,
                LocaleContextHolder.getLocale());
        return translated != null ? translated : v.defaultMessage();
    }

    /** {@code [{field, message}]} in the order found. */
    @AuthorizedBy("anyone: words for messages; reads and changes nothing")
    public List<Map<String, String>> fieldErrors(List<Violation> violations) {
        return violations.stream().map(v -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", v.field());
            error.put("message", message(v));
            return error;
        }).toList();
    }

    /** Messages grouped by field, for pages that show each message beside its field. */
    @AuthorizedBy("anyone: words for messages; reads and changes nothing")
    public Map<String, String> byField(List<Violation> violations) {
        Map<String, String> byField = new LinkedHashMap<>();
        violations.forEach(v -> byField.merge(v.field(), message(v), (a, b) -> a + "；" + b));
        return byField;
    }

    /**
     * Puts violations on a form's binding result, each beside its field. A path the form does not have
     * ({@code aliases[2]} of a comma-separated text field) falls back to its nearest existing parent, and
     * finally to the form as a whole, so that no message is lost.
     */
    @AuthorizedBy("anyone: puts messages on a form; reads and changes nothing")
    public void bind(org.springframework.validation.BindingResult form, List<Violation> violations) {
        org.springframework.beans.BeanWrapper bean = new org.springframework.beans.BeanWrapperImpl(form.getTarget());
        for (Violation v : violations) {
            String path = v.field();
            while (!path.isEmpty() && !readable(bean, path)) {
                int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
                path = cut <= 0 ? "" : path.substring(0, cut);
            }
            if (path.isEmpty()) {
                form.reject(v.code(), message(v));
            } else {
                form.rejectValue(path, v.code(), message(v));
            }
        }
    }

    private static boolean readable(org.springframework.beans.BeanWrapper bean, String path) {
        try {
            return bean.isReadableProperty(path);
        } catch (RuntimeException notAPath) {
            return false;
        }
    }

    String resolve(FieldError error) {
        return source.getMessage(error, LocaleContextHolder.getLocale());
    }
}
