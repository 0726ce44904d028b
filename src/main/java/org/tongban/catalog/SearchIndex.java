package org.tongban.catalog;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOFunction;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Lucene index of the items in force: its directory (on disk, or in memory), the one writer that changes it and
 * the searchers that read it. Changes become visible to searches at {@link #commit}, which also records, beside
 * them, what the index reflects (for the next start to decide whether it can be reused). Documents are keyed by
 * their {@link ItemDocuments#CODE}. Searches may run at any time; changes are made by one thread at a time (the
 * caller's).
 */
final class SearchIndex implements AutoCloseable {

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** Opens the index in {@code directory}, creating it if empty; {@code analyzer} analyses the documents added. */
    SearchIndex(Directory directory, Analyzer analyzer) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    /** The directory at {@code path}; in memory (gone at the next start) when it is blank. */
    static Directory directory(String path) throws IOException {
        return path.isBlank() ? new ByteBuffersDirectory() : FSDirectory.open(Path.of(path));
    }

    /** What the last {@link #commit} recorded (nothing, empty or null, for an index never committed). */
    @Nullable Iterable<Map.Entry<String, String>> committedData() {
        return writer.getLiveCommitData();
    }

    /** The number of items indexed, committed or not. */
    int size() {
        return writer.getDocStats().numDocs;
    }

    /** Replaces everything with these documents and merges the index into one segment; visible at {@link #commit}. */
    void replaceAll(Iterable<Document> documents) throws IOException {
        writer.deleteAll();
        for (Document doc : documents) {
            writer.addDocument(doc);
        }
        // One segment: every query then looks its terms up once instead of once per segment.
        writer.forceMerge(1);
    }

    /** Adds or replaces the document of an item; visible at {@link #commit}. */
    void put(String code, Document document) throws IOException {
        writer.updateDocument(new Term(ItemDocuments.CODE, code), document);
    }

    /** Removes the document of an item, if any; visible at {@link #commit}. */
    void remove(String code) throws IOException {
        writer.deleteDocuments(new Term(ItemDocuments.CODE, code));
    }

    /** Commits the changes with what they bring the index up to, and makes them visible to the next searches. */
    void commit(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Runs a search on the latest visible state of the index, and releases it. */
    <T> T search(IOFunction<IndexSearcher, T> search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
