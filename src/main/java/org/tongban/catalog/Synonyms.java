package org.tongban.catalog;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.StopFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Query-time synonyms (同义词), which carry what people type (生孩子) to the words of the catalogue (出生): the rules
 * shipped with Tongban ({@value #SHIPPED}) and those administrators add, in Solr's format ({@code 新生儿, 生孩子, 出生}
 * or {@code 生娃 => 出生}), and the query analyzer they make. The analyzer is built once per set of rules, not per
 * query; building it loads smartcn's dictionaries (about a second), so the first is built beside the start-up.
 */
final class Synonyms {

    /** The shipped rules, on the class path. */
    static final String SHIPPED = "catalog/synonyms.txt";
    static final int MAX_RULE_LENGTH = 200;

    private final Supplier<List<String>> addedRules;
    private volatile CompletableFuture<Analyzer> analyzer;

    /**
     * Starts building the analyzer from the shipped rules and {@code addedRules} (read again at each
     * {@link #reload()}) on a thread of its own.
     */
    Synonyms(Supplier<List<String>> addedRules) {
        this.addedRules = addedRules;
        this.analyzer = CompletableFuture.supplyAsync(() -> queryAnalyzer(rules()),
                command -> Thread.ofVirtual().name("catalog-synonyms").start(command));
    }

    /** The query analyzer of the current rules (waits for the first to be built). */
    Analyzer analyzer() {
        return analyzer.join();
    }

    /** Builds the analyzer again from the shipped and the added rules; queries use it from the next one. */
    synchronized void reload() {
        this.analyzer = CompletableFuture.completedFuture(queryAnalyzer(rules()));
    }

    private String rules() {
        return shippedText() + "\n" + String.join("\n", addedRules.get());
    }

    /** The shipped rules, without comments and blank lines. */
    static List<String> shipped() {
        return shippedText().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String shippedText() {
        try {
            return new ClassPathResource(SHIPPED).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An administrator's rule as it is kept (stripped, a full-width comma made plain), after checking that it is one
     * line of words that parses as it would be used.
     *
     * @throws InvalidInputException naming the field {@code rule}: not one rule, or one that cannot be parsed
     */
    static String checked(@Nullable String rule) {
        String cleaned = rule == null ? "" : rule.strip().replace('，', ',');
        if (cleaned.isEmpty() || cleaned.length() > MAX_RULE_LENGTH || cleaned.lines().count() > 1
                || (!cleaned.contains(",") && !cleaned.contains("=>"))) {
            throw new InvalidInputException(Violation.of("rule",
                    "synonym.format", "每条规则写在一行，用逗号分隔意思相同的词，例如：新生儿, 生孩子, 出生"));
        }
        try {
            parse(cleaned);
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("rule",
                    "synonym.parse", "这条规则无法使用：{0}", String.valueOf(e.getMessage())));
        }
        return cleaned;
    }

    /** Parses rules as queries use them. */
    static SynonymMap parse(String rules) throws IOException, ParseException {
        // The rules are tokenised like queries (生孩子 → 生 孩子) so multi-word rules match the token stream.
        SolrSynonymParser parser = new SolrSynonymParser(true, true, new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        });
        parser.parse(new StringReader(rules));
        return parser.build();
    }

    /**
     * The analyzer of queries under these rules: smartcn's words, lower case, the synonyms of each word or run of
     * words, without stop words, English stemmed, as {@link ItemDocuments#indexAnalyzer()} indexes them.
     */
    static Analyzer queryAnalyzer(String rules) {
        SynonymMap synonyms;
        try {
            synonyms = parse(rules);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Synonym rules cannot be parsed: " + e.getMessage(), e);
        }
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new SynonymGraphFilter(stream, synonyms, true);
                stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
                return new TokenStreamComponents(tokenizer, new PorterStemFilter(stream));
            }
        };
    }
}
