package org.tongban.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ContentChange;
import org.tongban.catalog.Theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Says what changed between two versions in the words of the item form: {@code materials[2].requirement} becomes
 * “材料 3 · 材料必要性” and {@code CONDITIONAL} becomes “特定情形提交”, so that a legal reviewer reads the change
 * without knowing the exchange format. The path stays beside the label for whoever compares files.
 */
@Component
class ChangeLabels {

    /** A changed field as the comparison table shows it. */
    record Row(String label, String field, @Nullable String before, @Nullable String after) {
    }

    /** A name with an optional place ({@code materials[2]}) or, for the form's fields, key ({@code fields[applicantName]}). */
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9]+)(?:\\[(?:(\\d+)|([a-z][a-zA-Z0-9]*))])?");

    /** Lists of rows: the form's heading of one row, and the prefix of its fields' labels. */
    private static final Map<String, String[]> ROW_LISTS = Map.of(
            "steps", new String[]{"admin.form.step", "step"},
            "specialProcedures", new String[]{"admin.form.specialProcedure", "specialProcedure"},
            "materials", new String[]{"admin.form.material", "material"},
            "fields", new String[]{"admin.form.formField", "formField"},
            "options", new String[]{"admin.form.option", "option"},
            "conditions", new String[]{"admin.form.condition", "condition"},
            "fees", new String[]{"admin.form.fee", "fee"},
            "faqs", new String[]{"admin.form.faq", "faq"});

    /** Fields whose values are choices, with the prefix of their labels. */
    private static final Map<String, String> CHOICES = Map.ofEntries(
            Map.entry("type", "item.type."), Map.entry("caseType", "item.caseType."),
            Map.entry("onlineDepth", "item.onlineDepth."), Map.entry("handlingForms", "item.handlingForm."),
            Map.entry("scope", "item.scope."), Map.entry("audiences", "item.audience."),
            Map.entry("serviceObjects", "item.serviceObject."),
            Map.entry("resultType", "item.resultType."), Map.entry("unit", "item.limitUnit."),
            Map.entry("role", "item.stepRole."), Map.entry("requirement", "item.requirement."),
            Map.entry("material.form", "item.materialForm."), Map.entry("source", "item.materialSource."),
            Map.entry("exerciseLevels", "item.exerciseLevel."), Map.entry("powerSource", "item.powerSource."),
            Map.entry("formField.type", "item.fieldType."), Map.entry("dateBound", "item.dateBound."),
            Map.entry("operator", "item.operator."));

    private final MessageSource messages;
    private final Supplier<List<Theme>> themes;

    @Autowired
    ChangeLabels(MessageSource messages, CatalogManagement catalog) {
        this(messages, catalog::themes);
    }

    ChangeLabels(MessageSource messages, Supplier<List<Theme>> themes) {
        this.messages = messages;
        this.themes = themes;
    }

    List<Row> rows(List<ContentChange> changes) {
        return changes.stream().map(c -> {
            String leaf = leaf(c.field());
            return new Row(label(c.field()), c.field(), value(leaf, c.before()), value(leaf, c.after()));
        }).toList();
    }

    /** “材料 3 · 材料必要性” for {@code materials[2].requirement}; the path itself when a part has no label. */
    String label(String path) {
        List<String> parts = new ArrayList<>();
        String context = "";
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                return path;
            }
            String name = m.group(1);
            String[] rowList = ROW_LISTS.get(name);
            String part;
            if (rowList != null && m.group(2) != null) {
                part = msg(rowList[0], Integer.parseInt(m.group(2)) + 1);
                context = rowList[1];
            } else if (name.equals("fields") && m.group(3) != null) {
                part = msg("admin.changes.formField", m.group(3));
                context = rowList[1];
            } else if (m.group(3) != null) {
                return path;
            } else if (name.equals("fields") && context.isEmpty()) {
                part = msg("admin.changes.formFields");
            } else {
                part = fieldLabel(context, name);
            }
            if (part == null) {
                return path;
            }
            parts.add(part);
        }
        return String.join(" · ", parts);
    }

    private @Nullable String fieldLabel(String context, String name) {
        return switch (name) {
            case "statutoryLimit" -> msg("admin.form.statutory");
            case "committedLimit" -> msg("admin.form.committed");
            case "extension" -> msg("admin.form.extension");
            case "value" -> context.equals("formField") || context.equals("condition")
                    ? msg("field." + context + ".value") : msg("admin.form.limitValue");
            case "unit" -> msg("admin.form.limitUnit");
            case "fileName", "contentType", "sha256", "size" -> msg("admin.changes.file." + name);
            default -> context.isEmpty() ? optional("field." + name)
                    : firstNonNull(optional("field." + context + "." + name), optional("field." + name));
        };
    }

    private @Nullable String value(String leaf, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return msg("admin.changes." + value);
        }
        if (leaf.equals("themes")) {
            boolean english = LocaleContextHolder.getLocale().getLanguage().equals("en");
            return themes.get().stream().filter(t -> t.code().equals(value)).findFirst()
                    .map(t -> t.displayName(english)).orElse(value);
        }
        String prefix = CHOICES.get(leaf);
        String label = prefix == null ? null : optional(prefix + value);
        return label == null ? value : label;
    }

    /** The field a value belongs to, for choosing its labels: {@code material.form}, {@code unit}, {@code audiences}. */
    private static String leaf(String path) {
        String[] segments = path.split("\\.");
        String name = segments[segments.length - 1].replaceAll("\\[\\d+]$", "");
        if (name.equals("form") && path.startsWith("materials[")) {
            return "material.form";
        }
        return name.equals("type") && path.startsWith(ContentChange.FORM_FIELDS) ? "formField.type" : name;
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    private @Nullable String optional(String key) {
        return messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
