package org.tongban.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English is available: every message key of the Chinese bundles has an English text, and so has every rule
 * message the code raises (a violation or a refusal, found by its code in the sources), so that nothing on an
 * English page falls back to Chinese.
 */
class EnglishMessagesTest {

    private static final String[] BUNDLES = {"messages", "identity", "catalog", "operations", "calendar"};
    /** {@code Violation.of(field, "code", "message")} and {@code add(field, "code", "message")}. */
    private static final Pattern VIOLATION = Pattern.compile(
            "(?:Violation\\.of|\\badd)\\([^;]*?,\\s*\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)\",\\s*\"", Pattern.DOTALL);
    /** {@code new VersionTransitionRefused("code", "message")}. */
    private static final Pattern REFUSAL = Pattern.compile(
            "Refused\\(\\s*\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)\",\\s*\"", Pattern.DOTALL);

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EnglishMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> englishKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String name : BUNDLES) {
            keys.addAll(bundle(name + "_en").stringPropertyNames());
        }
        return keys;
    }

    @Test
    void everyChineseMessageHasAnEnglishOne() throws IOException {
        Set<String> english = englishKeys();
        Set<String> missing = new TreeSet<>();
        for (String name : BUNDLES) {
            bundle(name).stringPropertyNames().stream().filter(k -> !english.contains(k)).forEach(missing::add);
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRuleMessageTheCatalogueRaisesHasAnEnglishOne() throws IOException {
        Set<String> raised = new LinkedHashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/tongban/catalog"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : new Pattern[]{VIOLATION, REFUSAL}) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        raised.add(m.group(1));
                    }
                }
            }
        }
        assertThat(raised).as("the scan finds the codes").contains("item.committed-exceeds-statutory", "version.own-review",
                "required", "item.attachment.missing");
        Set<String> english = englishKeys();
        assertThat(raised.stream().filter(code -> !english.contains("violation." + code)).toList()).isEmpty();
    }
}
