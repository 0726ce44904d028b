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

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
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
}
