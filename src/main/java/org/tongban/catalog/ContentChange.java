package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One field that differs between two versions of an item, by its path in the exchange format
 * ({@code materials[2].name}); {@code before} is empty for an added field and {@code after} for a removed one.
 * The application form's fields are named by their keys instead of their places (see {@link #FORM_FIELDS}).
 */
public record ContentChange(String field, @Nullable String before, @Nullable String after) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<ContentChange> between(String beforeJson, String afterJson) {
        Map<String, String> before = flatten(JSON.readTree(beforeJson));
        Map<String, String> after = flatten(JSON.readTree(afterJson));
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<ContentChange> changes = new ArrayList<>();
        for (String field : fields) {
            String b = before.get(field);
            String a = after.get(field);
            if (b == null ? a != null : !b.equals(a)) {
                changes.add(new ContentChange(field, b, a));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    /**
     * The application form's fields are compared by their keys, not their places
     * ({@code applicationForm.fields[applicantPhone].label}), so that a field added at the top is one change and not
     * a change of every field below it; their order is one more value ({@code applicationForm.fields}, the keys in
     * order), since the order is the order the applicant is asked in.
     */
    public static final String FORM_FIELDS = "applicationForm.fields";

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (path.equals(FORM_FIELDS) && node.isArray() && keyed(node)) {
            List<String> keys = new ArrayList<>();
            for (JsonNode field : node) {
                String key = field.get("key").asString();
                keys.add(key);
                flatten(path + "[" + key + "]", field, leaves);
            }
            if (!keys.isEmpty()) {
                leaves.put(path, String.join("、", keys));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                flatten(path.isEmpty() ? property.getKey() : path + "." + property.getKey(), property.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else if (!node.isNull()) {
            leaves.put(path, node.asString());
        }
    }

    /** Whether every field has a key that cannot be taken for a place, and no key is used twice. */
    private static boolean keyed(JsonNode fields) {
        Set<String> keys = new java.util.HashSet<>();
        for (JsonNode field : fields) {
            JsonNode key = field.get("key");
            if (key == null || !key.isString() || !key.asString().matches("[a-z][a-zA-Z0-9]*")
                    || !keys.add(key.asString())) {
                return false;
            }
        }
        return true;
    }
}
