package org.tongban.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The messages of a {@link BindingResult} as the error summary should list them: one per field, in the order the
 * form class declares its fields (which a form page follows), object-level errors last. Binding puts type
 * mismatches first and Bean Validation reports in no particular order, so without this the summary's links jump
 * up and down the page.
 *
 * <pre>{@code
 * model.addAttribute("errors", FormErrors.inFieldOrder(result, messages, locale));
 * // template: ~{fragments/form :: errorSummary(${errors})}
 * }</pre>
 */
public final class FormErrors {

    /**
     * One line of the summary.
     *
     * @param fieldName the property path, which the fragments turn into the field's id; {@code null} for an error
     *                  of the whole form
     */
    public record Message(@Nullable String fieldName, String message) {
    }

    private FormErrors() {
    }

    public static List<Message> inFieldOrder(BindingResult result, MessageSource messages, Locale locale) {
        Object target = result.getTarget();
        List<String> declared = target == null ? List.of() : declaredFields(target.getClass());
        Map<String, Message> firstPerField = new LinkedHashMap<>();
        List<Message> global = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String text = messages.getMessage(error, locale);
            if (error instanceof FieldError fieldError) {
                firstPerField.putIfAbsent(fieldError.getField(), new Message(fieldError.getField(), text));
            } else {
                global.add(new Message(null, text));
            }
        }
        List<Message> ordered = new ArrayList<>(firstPerField.values());
        ordered.sort(Comparator.comparingInt(message -> position(declared, message.fieldName())));
        ordered.addAll(global);
        return List.copyOf(ordered);
    }

    /** Position of the top-level property ({@code address} of {@code address.city}); unknown fields go last. */
    private static int position(List<String> declared, @Nullable String path) {
        if (path == null) {
            return Integer.MAX_VALUE;
        }
        String property = path.split("[.\\[]", 2)[0];
        int index = declared.indexOf(property);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** Field names from the top of the class hierarchy down, each class in declaration order. */
    private static List<String> declaredFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<String> own = new ArrayList<>();
            for (Field field : c.getDeclaredFields()) {
                if (!field.isSynthetic()) {
                    own.add(field.getName());
                }
            }
            names.addAll(0, own);
        }
        return names;
    }
}
