package org.tongban.catalog;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's life: built, changed item by item, committed, reopened; no Spring, no database. */
class SearchIndexTest {

    private static final ItemContent BIRTH = TestItems.valid("出生医学证明签发", "3001");
    private static final ItemContent FOOD = TestItems.valid("食品经营许可", "3002");
    private static final ItemContent SEAL = TestItems.valid("公章刻制备案", "3003");

    private static org.apache.lucene.document.Document document(ItemContent item) {
        return ItemDocuments.document(item, ItemDocumentsTest.DEPARTMENTS);
    }

    private static long count(SearchIndex index, String name) {
        return index.search(searcher -> (long) searcher.count(
                new TermQuery(new Term(ItemDocuments.NAME_EXACT, ItemDocuments.normalise(name)))));
    }

    private static long all(SearchIndex index) {
        return index.search(searcher -> (long) searcher.count(new MatchAllDocsQuery()));
    }

    private static Map<String, String> asMap(Iterable<Map.Entry<String, String>> data) {
        Map<String, String> map = new HashMap<>();
        if (data != null) {
            data.forEach(e -> map.put(e.getKey(), e.getValue()));
        }
        return map;
    }

    @Test
    void aRebuildIsSearchedOnceCommitted() throws IOException {
        try (SearchIndex index = new SearchIndex(new ByteBuffersDirectory(), ItemDocuments.indexAnalyzer())) {
            assertThat(asMap(index.committedData())).as("a new index has recorded nothing").isEmpty();
            index.replaceAll(List.of(document(BIRTH), document(FOOD)));
            assertThat(all(index)).as("not before the commit").isZero();
            assertThat(index.size()).isEqualTo(2);

            index.commit(Map.of("format", "test"));
            assertThat(all(index)).isEqualTo(2);
            assertThat(count(index, "出生医学证明签发")).isEqualTo(1);
            assertThat(asMap(index.committedData())).containsExactly(Map.entry("format", "test"));

            index.replaceAll(List.of(document(SEAL)));
            index.commit(Map.of());
            assertThat(all(index)).as("a rebuild replaces everything").isEqualTo(1);
            assertThat(count(index, "公章刻制备案")).isEqualTo(1);
        }
    }

    @Test
    void anItemIsReplacedAndRemovedByItsCode() throws IOException {
        try (SearchIndex index = new SearchIndex(new ByteBuffersDirectory(), ItemDocuments.indexAnalyzer())) {
            index.replaceAll(List.of(document(BIRTH), document(FOOD)));
            index.commit(Map.of());

            index.put(FOOD.implementationCode(), document(TestItems.with(FOOD, "name", "食品经营许可（含小餐饮）")));
            index.put(SEAL.implementationCode(), document(SEAL));
            index.remove(BIRTH.implementationCode());
            index.remove("no such code");
            assertThat(count(index, "出生医学证明签发")).as("not before the commit").isEqualTo(1);
            index.commit(Map.of());

            assertThat(all(index)).isEqualTo(2);
            assertThat(count(index, "出生医学证明签发")).isZero();
            assertThat(count(index, "食品经营许可")).isZero();
            assertThat(count(index, "食品经营许可（含小餐饮）")).isEqualTo(1);
            assertThat(count(index, "公章刻制备案")).isEqualTo(1);
        }
    }

    @Test
    void anIndexOnDiskIsReopenedWithWhatItsLastCommitRecorded(@TempDir Path dir) throws IOException {
        try (SearchIndex index = new SearchIndex(SearchIndex.directory(dir.toString()), ItemDocuments.indexAnalyzer())) {
            index.replaceAll(List.of(document(BIRTH), document(FOOD)));
            index.commit(Map.of("seenUpTo", "2026-01-01T00:00:00Z"));
            index.put(SEAL.implementationCode(), document(SEAL));
            // closed with a change not committed
        }
        try (SearchIndex reopened = new SearchIndex(SearchIndex.directory(dir.toString()), ItemDocuments.indexAnalyzer())) {
            assertThat(asMap(reopened.committedData())).containsExactly(Map.entry("seenUpTo", "2026-01-01T00:00:00Z"));
            assertThat(reopened.size()).isGreaterThanOrEqualTo(2);
            assertThat(count(reopened, "出生医学证明签发")).isEqualTo(1);
        }
    }

    @Test
    void withoutAPathTheIndexIsInMemory(@TempDir Path dir) throws IOException {
        assertThat(SearchIndex.directory("")).isInstanceOf(ByteBuffersDirectory.class);
        assertThat(SearchIndex.directory(" ")).isInstanceOf(ByteBuffersDirectory.class);
        assertThat(SearchIndex.directory(dir.toString())).isInstanceOf(FSDirectory.class);
    }
}
