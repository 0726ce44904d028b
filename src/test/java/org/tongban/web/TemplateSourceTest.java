package org.tongban.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** House rules of the templates, checked on the sources so that a breach fails the build, not a review. */
class TemplateSourceTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>", Pattern.DOTALL);

    private static List<Path> templates() {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> offending(Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = pattern.matcher(read(template));
            while (matcher.find()) {
                found.add(TEMPLATES.relativize(template) + ": " + matcher.group().strip());
            }
        }
        return found;
    }

    @Test
    void templatesHaveNoInlineStyles() {
        assertThat(offending(Pattern.compile("(?<![\\w-])(th:|data-th-)?style\\s*=", Pattern.CASE_INSENSITIVE))).isEmpty();
    }

    @Test
    void templatesHaveNoStyleBlocks() {
        assertThat(offending(Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE))).isEmpty();
    }

    @Test
    void templatesHaveNoInlineScriptsOrEventHandlers() {
        assertThat(offending(Pattern.compile("<script(?![^>]*\\bth:src=)[^>]*>|\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)))
                .isEmpty();
    }

    /**
     * Every template outside layout/ and fragments/ is a page that replaces its {@code <html>} with a layout, or a
     * module's own fragment library (its {@code <html>} has no {@code th:replace}, and it declares fragments), such as
     * {@code catalog/parts.html}. A page without a layout would have no skip link, header, switches or footer.
     */
    @Test
    void everyPageUsesALayout() {
        Pattern root = Pattern.compile("<html\\b[^>]*>", Pattern.DOTALL);
        List<String> withoutLayout = new ArrayList<>();
        for (Path template : templates()) {
            String relative = TEMPLATES.relativize(template).toString().replace('\\', '/');
            if (relative.startsWith("layout/") || relative.startsWith("fragments/")) {
                continue;
            }
            String source = read(template);
            boolean usesLayout = source.contains("~{layout/public :: page(") || source.contains("~{layout/staff :: page(");
            Matcher html = root.matcher(source);
            boolean fragmentLibrary = html.find() && !html.group().contains("th:replace")
                    && source.contains("th:fragment=");
            if (!usesLayout && !fragmentLibrary) {
                withoutLayout.add(relative);
            }
        }
        assertThat(withoutLayout).as("pages that do not replace their <html> with a layout").isEmpty();
    }

    /**
     * th:insert and th:replace run before th:if and th:unless on the same element, so such a condition is silently
     * ignored; wrap the inclusion in a th:block that carries the condition. (A fragment definition may carry a
     * condition: it is evaluated where the fragment lands.)
     */
    @Test
    void conditionsAreNotPutOnAnIncludingElement() {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Matcher tags = TAG.matcher(read(template));
            while (tags.find()) {
                String tag = tags.group();
                if (tag.matches("(?s).*\\bth:(replace|insert)=.*") && tag.matches("(?s).*\\bth:(if|unless)=.*")) {
                    found.add(TEMPLATES.relativize(template) + ": " + tag.replaceAll("\\s+", " "));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theOnlyStylesheetIsTheDesignSystems() throws IOException {
        try (Stream<Path> files = Files.walk(STATIC)) {
            assertThat(files.filter(file -> file.toString().endsWith(".css")).map(STATIC::relativize).map(Path::toString))
                    .containsExactly("css/tongban.css");
        }
    }
}
