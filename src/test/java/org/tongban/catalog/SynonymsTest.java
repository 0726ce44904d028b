package org.tongban.catalog;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.tongban.shared.InvalidInputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synonym rules and the query analyzer they make; no Spring, no database (the added rules are a list). */
class SynonymsTest {

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("all", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    @Test
    void whatPeopleTypeIsCarriedToTheWordsOfTheCatalogue() throws IOException {
        Analyzer analyzer = Synonyms.queryAnalyzer("新生儿, 生孩子, 出生");
        assertThat(tokens(analyzer, "生孩子")).contains("出生", "新生儿");
        assertThat(tokens(analyzer, "出生")).contains("生", "孩子");
        assertThat(tokens(analyzer, "退休")).containsExactly("退休");
    }

    @Test
    void queriesAreLowerCasedStemmedAndWithoutPunctuation() throws IOException {
        assertThat(tokens(Synonyms.queryAnalyzer("甲, 乙"), "Licenses，ID。")).containsExactly("licens", "id");
    }

    @Test
    void theShippedRulesAreListedWithoutCommentsAndAllParse() throws Exception {
        assertThat(Synonyms.shipped()).isNotEmpty().contains("出生证, 出生医学证明")
                .noneMatch(rule -> rule.startsWith("#") || rule.isBlank());
        assertThat(Synonyms.parse(String.join("\n", Synonyms.shipped())).fst).isNotNull();
    }

    @Test
    void theAnalyzerIsBuiltOnceForTheRulesAndAgainOnlyWhenTheyAreReloaded() throws IOException {
        List<String> added = new CopyOnWriteArrayList<>();
        Synonyms synonyms = new Synonyms(() -> added);
        Analyzer first = synonyms.analyzer();
        assertThat(synonyms.analyzer()).as("no analyzer per query").isSameAs(first);
        assertThat(tokens(first, "生孩子")).as("the shipped rules").contains("出生");
        assertThat(tokens(first, "yibao")).containsExactly("yibao");

        added.add("yibao, 医保");
        assertThat(tokens(synonyms.analyzer(), "yibao")).as("until reloaded").containsExactly("yibao");
        synonyms.reload();
        assertThat(synonyms.analyzer()).isNotSameAs(first);
        assertThat(tokens(synonyms.analyzer(), "yibao")).contains("yibao", "医", "保");
    }

    @Test
    void anAdministratorsRuleIsKeptCleaned() {
        assertThat(Synonyms.checked("  yibao，医保 ")).isEqualTo("yibao,医保");
        assertThat(Synonyms.checked("生娃 => 出生")).isEqualTo("生娃 => 出生");
    }

    @Test
    void aRuleThatIsNotOneLineOfWordsIsRefusedNamingTheField() {
        for (String rule : List.of("", "只有一个词", "甲, 乙\n丙, 丁", "甲, " + "乙".repeat(Synonyms.MAX_RULE_LENGTH))) {
            assertThatThrownBy(() -> Synonyms.checked(rule)).as(rule).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("rule");
                        assertThat(v.code()).isEqualTo("synonym.format");
                    }));
        }
        assertThatThrownBy(() -> Synonyms.checked(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRuleThatCannotBeParsedIsRefusedWithTheParsersReason() {
        assertThatThrownBy(() -> Synonyms.checked("甲 => 乙 => 丙")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("rule");
                    assertThat(v.code()).isEqualTo("synonym.parse");
                }));
    }
}
