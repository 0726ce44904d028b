package org.tongban.catalog;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.OnlineDepth;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.identity.Department;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The document of an item in the search index, and the hit read back from it; no Spring, no database. */
class ItemDocumentsTest {

    static final Department MARKET = new Department(UUID.randomUUID(), TestItems.MARKET_REGULATION,
            "海川市市场监督管理局", "市市场监管局", null, "377000", null, null, null, null);
    static final Map<String, Department> DEPARTMENTS = Map.of(MARKET.creditCode(), MARKET);

    private final ItemContent item = TestItems.with(TestItems.valid("食品经营 许可", "2101"),
            "aliases", List.of("开饭店", "开 餐馆"), "keywords", List.of("餐饮", "小吃"));

    private static List<String> values(Document doc, String field) {
        return Arrays.asList(doc.getValues(field));
    }

    private static boolean stored(Document doc, String field) {
        IndexableField f = doc.getField(field);
        return f.fieldType().stored();
    }

    @Test
    void anItemIsKeptUnderItsCodeAndItsNameAndAliasesWholeForExactMatches() {
        Document doc = ItemDocuments.document(item, DEPARTMENTS);
        assertThat(doc.get(ItemDocuments.CODE)).isEqualTo(item.implementationCode());
        assertThat(stored(doc, ItemDocuments.CODE)).isTrue();
        assertThat(doc.get(ItemDocuments.NAME)).isEqualTo("食品经营 许可");
        assertThat(values(doc, ItemDocuments.NAME_EXACT)).containsExactly("食品经营许可");
        assertThat(values(doc, ItemDocuments.ALIAS_EXACT)).containsExactly("开饭店", "开餐馆");
        assertThat(stored(doc, ItemDocuments.NAME_EXACT)).isFalse();
        assertThat(doc.getField(ItemDocuments.SORT).binaryValue().utf8ToString())
                .isEqualTo(item.basicCode() + item.implementationCode());
    }

    @Test
    void theScoredFieldsHoldTheNameThePeoplesWordsAndEverythingElse() {
        Document doc = ItemDocuments.document(item, DEPARTMENTS);
        assertThat(doc.get(ItemDocuments.TERMS)).isEqualTo("开饭店 开 餐馆 餐饮 小吃");
        assertThat(doc.get(ItemDocuments.BODY))
                .startsWith("海川市市场监督管理局 市市场监管局 " + item.summary())
                .contains("申请书 营业执照") // the materials
                .endsWith("要多久？ 5 个工作日。"); // the FAQ
        assertThat(doc.get(ItemDocuments.ALL)).isEqualTo("食品经营 许可 " + doc.get(ItemDocuments.TERMS) + " "
                + doc.get(ItemDocuments.BODY));
        assertThat(stored(doc, ItemDocuments.BODY)).isFalse();
        assertThat(stored(doc, ItemDocuments.ALL)).isFalse();
    }

    @Test
    void theFiltersAndWhatAHitShowsAreKept() {
        Document doc = ItemDocuments.document(item, DEPARTMENTS);
        assertThat(doc.get(ItemDocuments.DEPARTMENT)).isEqualTo(TestItems.MARKET_REGULATION);
        assertThat(doc.get(ItemDocuments.DEPARTMENT_NAME)).isEqualTo("海川市市场监督管理局");
        assertThat(values(doc, ItemDocuments.AUDIENCE)).containsExactly("ORGANISATION");
        assertThat(values(doc, ItemDocuments.THEME)).containsExactly("START_UP");
        assertThat(doc.get(ItemDocuments.ONLINE_DEPTH)).isEqualTo("FULLY_ONLINE");
        assertThat(doc.getField(ItemDocuments.VISITS).numericValue()).isEqualTo(0);
        assertThat(doc.get(ItemDocuments.COMMITTED_LIMIT)).isEqualTo("5:WORKING_DAYS");
    }

    @Test
    void theHitReadBackFromTheIndexIsWhatTheResultListShows() throws Exception {
        assertThat(roundTrip(item, DEPARTMENTS)).isEqualTo(new SearchHit(item.implementationCode(), "食品经营 许可",
                TestItems.MARKET_REGULATION, "海川市市场监督管理局", item.summary(), OnlineDepth.FULLY_ONLINE, 0,
                new TimeLimit(5, LimitUnit.WORKING_DAYS), List.of(ItemContent.Audience.ORGANISATION),
                List.of("START_UP")));
    }

    @Test
    void anItemWithoutTheOptionalElementsOrAKnownDepartmentIsIndexedWithoutThem() throws Exception {
        ItemContent bare = TestItems.with(item, "onlineDepth", null, "visits", null,
                "committedLimit", new TimeLimit(5, null), "themes", List.of());
        SearchHit hit = roundTrip(bare, Map.of());
        assertThat(hit.departmentName()).isEmpty();
        assertThat(hit.onlineDepth()).isNull();
        assertThat(hit.visits()).isNull();
        assertThat(hit.committedLimit()).as("a limit without its unit says nothing").isNull();
        assertThat(hit.themes()).isEmpty();
    }

    @Test
    void normalisingRemovesEveryWhiteSpace() {
        assertThat(ItemDocuments.normalise("  出生 医学\t证明\n")).isEqualTo("出生医学证明");
        assertThat(ItemDocuments.normalise(null)).isEmpty();
    }

    private static SearchHit roundTrip(ItemContent item, Map<String, Department> departments) throws Exception {
        try (var directory = new ByteBuffersDirectory();
             var writer = new IndexWriter(directory, new IndexWriterConfig(ItemDocuments.indexAnalyzer()))) {
            writer.addDocument(ItemDocuments.document(item, departments));
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                return ItemDocuments.hit(reader.storedFields().document(0));
            }
        }
    }
}
