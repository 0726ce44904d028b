package org.tongban.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English is available everywhere: every key of every Chinese bundle in {@code i18n/} has an English text in the
 * matching {@code _en} bundle, and every message code the main code raises, in any module, resolves in English, so
 * that nothing on an English page or in an English problem response falls back to Chinese.
 *
 * <p>Nothing here is a list of codes. The bundles are the files in {@code src/main/resources/i18n}; the codes are
 * read from {@code src/main/java}: the code of every {@code Violation.of(field, "code", …)}, of every
 * {@code new InvalidValueException("code", …)} (the value objects' codes, which the modules turn into violations
 * with {@code e.code()}), of every {@code new …Refused("code", …)} for {@code Refused} and the classes that extend
 * it, and of every call, in its own file, of a helper declared as {@code name(String field, String code, …)} (such as
 * {@code ItemRules.add});
 * a violation's or refusal's text is {@code violation.<code>} ({@link ViolationMessages}). Keys given to
 * {@code getMessage("key", …)} as literals must resolve as they are.
 */
class EnglishMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final String CODE = "([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)";
    private static final Pattern VIOLATION = Pattern.compile("Violation\\.of\\([^;]*?,\\s*\"" + CODE + "\"", Pattern.DOTALL);
    /** A helper that makes violations from a code parameter: {@code void add(String field, String code, …)}. */
    private static final Pattern HELPER = Pattern.compile("\\b(\\w+)\\(\\s*String\\s+\\w+,\\s*String\\s+code\\b");
    /** A whole key, not the prefix of one built at run time ({@code "role." + role}). */
    private static final Pattern MESSAGE_KEY = Pattern.compile("getMessage\\(\\s*\"([A-Za-z][A-Za-z0-9.-]*)\"\\s*[,)]");
    private static final Pattern REFUSAL_CLASS = Pattern.compile("class\\s+(\\w+)\\s+extends\\s+(\\w+)");

    @Test
    void everyChineseMessageHasAnEnglishOneInTheMatchingBundle() throws IOException {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String bundle : bundles()) {
            Set<String> english = load(bundle + "_en").stringPropertyNames();
            Set<String> absent = load(bundle).stringPropertyNames().stream().filter(k -> !english.contains(k))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!absent.isEmpty()) {
                missing.put(bundle, absent);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyBundleIsOneTheApplicationReads() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher basename = Pattern.compile("basename:\\s*(\\S+)").matcher(configuration);
        assertThat(basename.find()).isTrue();
        Set<String> read = Arrays.stream(basename.group(1).split(",")).map(b -> b.replace("i18n/", ""))
                .collect(Collectors.toSet());
        assertThat(read).containsAll(bundles());
    }

    @Test
    void everyMessageCodeRaisedAnywhereResolvesInEnglish() throws IOException {
        Set<String> english = new TreeSet<>();
        for (String bundle : bundles()) {
            english.addAll(load(bundle + "_en").stringPropertyNames());
        }
        Set<String> codes = raisedCodes();
        // The scan reaches every module and every kind of code, or it would prove nothing.
        assertThat(codes).as("the scan finds the codes").contains(
                "item.committed-exceeds-statutory", // ItemRules.add
                "version.own-review",               // new VersionTransitionRefused
                "calendar.file.required",           // Violation.of in the calendar module
                "holiday-schedule.date-outside-year", // new InvalidValueException in the shared kernel
                "account.disable.self",             // identity
                "markup");                          // PlainText
        assertThat(codes.stream().filter(code -> !english.contains("violation." + code)).toList())
                .as("codes without violation.<code> in English").isEmpty();

        Set<String> keys = literal(MESSAGE_KEY);
        assertThat(keys).as("the scan finds the keys").contains("upload.too-large.text");
        assertThat(keys.stream().filter(key -> !english.contains(key)).toList())
                .as("message keys without English").isEmpty();
    }

    /** The Chinese bundles: {@code i18n/<name>.properties} without a language suffix. */
    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
            assertThat(names).as("bundles found").contains("messages", "catalog", "identity");
            return names;
        }
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(Files.newInputStream(BUNDLES.resolve(bundle + ".properties")),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> raisedCodes() throws IOException {
        Map<String, String> texts = sources();
        // Refused and whatever extends it, at any depth.
        Set<String> refusals = new LinkedHashSet<>(List.of("Refused"));
        boolean grown = true;
        while (grown) {
            grown = false;
            for (String text : texts.values()) {
                Matcher m = REFUSAL_CLASS.matcher(text);
                while (m.find()) {
                    if (refusals.contains(m.group(2)) && refusals.add(m.group(1))) {
                        grown = true;
                    }
                }
            }
        }
        Pattern constructed = Pattern.compile("new\\s+(?:InvalidValueException|" + String.join("|", refusals)
                + ")\\(\\s*\"" + CODE + "\"");
        Set<String> codes = new TreeSet<>();
        for (Pattern pattern : List.of(VIOLATION, constructed)) {
            codes.addAll(literal(texts, pattern));
        }
        for (String text : texts.values()) {
            Matcher helper = HELPER.matcher(text);
            while (helper.find()) {
                Pattern calls = Pattern.compile("\\b" + helper.group(1) + "\\([^;]*?,\\s*\"" + CODE + "\"", Pattern.DOTALL);
                codes.addAll(literal(Map.of("", text), calls));
            }
        }
        return codes;
    }

    private static Set<String> literal(Pattern pattern) throws IOException {
        return literal(sources(), pattern);
    }

    private static Set<String> literal(Map<String, String> texts, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        for (String text : texts.values()) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static Map<String, String> sources() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                texts.put(source.toString(), Files.readString(source));
            }
        }
        return texts;
    }
}
