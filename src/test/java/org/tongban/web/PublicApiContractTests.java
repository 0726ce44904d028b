package org.tongban.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Http;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public REST API is a contract with department systems and the provincial platform: its OpenAPI document is
 * pinned in {@code src/test/resources/openapi/v1.json}, and any change to it (a field renamed, a type from another
 * module leaking in) fails the build until someone looks at the difference and updates the pin on purpose:
 * {@code cp target/openapi/v1.json src/test/resources/openapi/v1.json}.
 */
@TongbanTest
class PublicApiContractTests {

    private static final Path ACTUAL = Path.of("target/openapi/v1.json");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    private JsonNode document() {
        return json.readTree(new Http(port).getJson("/v3/api-docs").body());
    }

    @Test
    void theOpenApiDocumentIsThePinnedOne() throws IOException {
        JsonNode document = document();
        ((ObjectNode) document).remove("servers"); // the random port of this run
        JsonMapper sorted = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        String actual = sorted.writeValueAsString(sorted.treeToValue(document, Object.class)) + "\n";
        Files.createDirectories(ACTUAL.getParent());
        Files.writeString(ACTUAL, actual);

        assertThat(actual).as("the schemas are the API's own types").doesNotContain("\"UUID\"", "parentId");
        String pinned;
        try (InputStream in = getClass().getResourceAsStream("/openapi/v1.json")) {
            pinned = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).as("The public API changed. If that is intended, review target/openapi/v1.json and run "
                + "cp target/openapi/v1.json src/test/resources/openapi/v1.json").isEqualTo(pinned);
    }

    /**
     * The guide's content is the API's own documented type ({@code ApiItemContent}), not the stored
     * {@code ItemContent}: every schema it consists of, and each of their properties, says what it is. Embedding the
     * stored record again would publish it without descriptions, and fail here even with the pin updated.
     */
    @Test
    void theItemContentIsDescribedPropertyByProperty() {
        JsonNode schemas = document().get("components").get("schemas");
        Set<String> reached = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(schemaName(schemas.get("Item").get("properties").get("content"))));
        List<String> undescribed = new ArrayList<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!reached.add(name)) {
                continue;
            }
            JsonNode schema = schemas.get(name);
            if (!schema.hasNonNull("description")) {
                undescribed.add(name);
            }
            schema.get("properties").properties().forEach(property -> {
                if (!property.getValue().hasNonNull("description")) {
                    undescribed.add(name + "." + property.getKey());
                }
                JsonNode target = property.getValue().has("items") ? property.getValue().get("items") : property.getValue();
                if (target.has("$ref")) {
                    pending.push(schemaName(target));
                }
            });
        }
        assertThat(reached).as("the schemas of the item content")
                .contains("ItemContent", "Material", "Attachment", "Step", "TimeLimit", "SpecialProcedure", "Fee", "Faq");
        assertThat(undescribed).as("schemas and properties of the item content without a description").isEmpty();
    }

    private static String schemaName(JsonNode reference) {
        return reference.get("$ref").asString().substring("#/components/schemas/".length());
    }
}
