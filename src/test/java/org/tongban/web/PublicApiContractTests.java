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

    @Test
    void theOpenApiDocumentIsThePinnedOne() throws IOException {
        JsonNode document = json.readTree(new Http(port).getJson("/v3/api-docs").body());
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
}
