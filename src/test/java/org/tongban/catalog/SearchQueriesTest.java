package org.tongban.catalog;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongban.catalog.ItemContent.Audience;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries built from what people type, run on a small catalogue in an in-memory index; no Spring, no database.
 * The codes end in four digits that sort the catalogue: 0001 出生医学证明签发 … 0006 公章刻制备案.
 */
class SearchQueriesTest {

    private static final Analyzer ANALYZER = Synonyms.queryAnalyzer("""
            新生儿, 生孩子, 出生
            开饭店, 开餐馆, 餐饮
            """);
    private static final SearchQueries QUERIES = new SearchQueries(() -> ANALYZER);

    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    private static ItemContent item(String digits, String name, Audience audience, String theme, Object... fields) {
        ItemContent item = TestItems.with(TestItems.valid(name, digits), "audiences", List.of(audience),
                "themes", List.of(theme), "aliases", List.of(), "keywords", List.of(), "faqs", List.of(),
                "summary", "为" + name + "准备的说明。");
        return fields.length == 0 ? item : TestItems.with(item, fields);
    }

    static final ItemContent BIRTH_CERTIFICATE = item("0001", "出生医学证明签发", Audience.PERSON, "BIRTH");
    static final ItemContent BIRTH_REGISTRATION = item("0002", "出生登记", Audience.PERSON, "BIRTH",
            "aliases", List.of("上户口"));
    static final ItemContent FOOD_LICENSE = item("0003", "食品经营许可", Audience.ORGANISATION, "START_UP",
            "keywords", List.of("餐饮"));
    static final ItemContent FOOD_LICENSE_CHANGE = item("0004", "食品经营许可变更", Audience.ORGANISATION, "START_UP");
    static final ItemContent COMPANY = item("0005", "企业设立登记", Audience.ORGANISATION, "START_UP",
            "aliases", List.of("办营业执照"));
    static final ItemContent SEAL = item("0006", "公章刻制备案", Audience.ORGANISATION, "START_UP",
            "faqs", List.of(new ItemContent.Faq("刻章店可以自己选吗？", "可以。")));
    static final String OTHER_DEPARTMENT = "11377000HC0000200Q";

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(ItemDocuments.indexAnalyzer()))) {
            // Not in catalogue order, to show that browsing sorts.
            for (ItemContent item : List.of(SEAL, FOOD_LICENSE_CHANGE, BIRTH_REGISTRATION, COMPANY, FOOD_LICENSE,
                    TestItems.with(BIRTH_CERTIFICATE, "departmentCreditCode", OTHER_DEPARTMENT))) {
                writer.addDocument(ItemDocuments.document(item, ItemDocumentsTest.DEPARTMENTS));
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    private static SearchResult search(SearchQuery q) throws IOException {
        return QUERIES.search(searcher, q);
    }

    private static List<String> names(String text) throws IOException {
        return search(SearchQuery.text(text)).hits().stream().map(SearchHit::name).toList();
    }

    @Test
    void aChineseQueryFindsItemsByTheSynonymsOfItsWords() throws IOException {
        assertThat(names("生孩子")).containsExactlyInAnyOrder("出生医学证明签发", "出生登记");
        assertThat(names("开餐馆")).containsExactly("食品经营许可");
    }

    @Test
    void theSynonymQueryMatchesTheDocumentOfTheItem() throws IOException {
        var query = QUERIES.query(SearchQuery.text("新生儿证明"), true);
        assertThat(searcher.search(query, 10).scoreDocs).singleElement()
                .satisfies(hit -> assertThat(reader.storedFields().document(hit.doc).get(ItemDocuments.CODE))
                        .isEqualTo(BIRTH_CERTIFICATE.implementationCode()));
    }

    @Test
    void anExactNameRanksFirstThenAnExactAlias() throws IOException {
        assertThat(names("食品经营许可").getFirst()).isEqualTo("食品经营许可");
        assertThat(names("食品经营许可变更").getFirst()).isEqualTo("食品经营许可变更");
        assertThat(names(" 出生 登记 ").getFirst()).as("white space does not matter").isEqualTo("出生登记");
        assertThat(names("办营业执照")).containsExactly("企业设立登记");
        assertThat(names("上户口").getFirst()).isEqualTo("出生登记");
    }

    @Test
    void questionsFindTheItemsWhoseFaqAnswersThem() throws IOException {
        assertThat(names("刻章店可以自己选吗")).first().isEqualTo("公章刻制备案");
    }

    @Test
    void whenNoItemHasEveryWordItemsWithAnyOfThemAreFound() throws IOException {
        assertThat(QUERIES.count(searcher, SearchQuery.text("出生 火星"))).isZero();
        assertThat(names("出生 火星")).contains("出生医学证明签发", "出生登记");
        assertThat(names("qzxv ☃")).isEmpty();
    }

    @Test
    void filtersNarrowWithoutScoring() throws IOException {
        assertThat(search(new SearchQuery(null, null, Audience.PERSON, null, 1, 20)).hits())
                .extracting(SearchHit::name).containsExactly("出生医学证明签发", "出生登记");
        assertThat(search(new SearchQuery("登记", null, null, "START_UP", 1, 20)).hits())
                .extracting(SearchHit::name).containsExactly("企业设立登记");
        assertThat(search(new SearchQuery("出生", OTHER_DEPARTMENT, null, null, 1, 20)).hits())
                .extracting(SearchHit::name).containsExactly("出生医学证明签发");
        assertThat(QUERIES.count(searcher, new SearchQuery(null, TestItems.MARKET_REGULATION, null, null, 1, 20)))
                .isEqualTo(5);
    }

    @Test
    void browsingPagesThroughTheCatalogueInItsOrder() throws IOException {
        SearchResult first = search(new SearchQuery(null, null, null, null, 1, 4));
        SearchResult second = search(new SearchQuery(null, null, null, null, 2, 4));
        assertThat(first.hits()).extracting(SearchHit::name)
                .containsExactly("出生医学证明签发", "出生登记", "食品经营许可", "食品经营许可变更");
        assertThat(second.hits()).extracting(SearchHit::name).containsExactly("企业设立登记", "公章刻制备案");
        assertThat(second.total()).isEqualTo(6);
        assertThat(second.totalExact()).isTrue();
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(search(new SearchQuery(null, null, null, null, 3, 4)).hits()).isEmpty();
    }

    @Test
    void theItemsOfADepartmentAreFoundByItsCreditCode() throws IOException {
        assertThat(SearchQueries.codesOfDepartment(searcher, OTHER_DEPARTMENT))
                .containsExactly(BIRTH_CERTIFICATE.implementationCode());
        assertThat(SearchQueries.codesOfDepartment(searcher, "12377000HC0000219J")).isEmpty();
    }
}
