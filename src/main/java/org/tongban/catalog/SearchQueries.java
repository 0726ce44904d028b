package org.tongban.catalog;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.tongban.catalog.ItemDocuments.ALIAS_EXACT;
import static org.tongban.catalog.ItemDocuments.ALL;
import static org.tongban.catalog.ItemDocuments.AUDIENCE;
import static org.tongban.catalog.ItemDocuments.BODY;
import static org.tongban.catalog.ItemDocuments.CODE;
import static org.tongban.catalog.ItemDocuments.DEPARTMENT;
import static org.tongban.catalog.ItemDocuments.NAME;
import static org.tongban.catalog.ItemDocuments.NAME_EXACT;
import static org.tongban.catalog.ItemDocuments.SORT;
import static org.tongban.catalog.ItemDocuments.TERMS;
import static org.tongban.catalog.ItemDocuments.THEME;

/**
 * A {@link SearchQuery} as Lucene queries over {@link ItemDocuments}, and one page of its results. Names, aliases
 * and keywords weigh most, then departments, summaries, materials and FAQ; an exact name ranks first, then an exact
 * alias. Words are analysed with the current synonyms ({@link Synonyms}); the filters (department, audience, theme)
 * do not score. A page collects only the hits up to its own, and counts exactly only up to
 * {@link #COUNT_EXACTLY_UP_TO}, so that no search costs more than the deepest page
 * ({@link SearchQuery#MAX_RESULTS}) allows.
 */
final class SearchQueries {

    /**
     * Fields scored, and their weights: the name; the words people use for it (aliases, keywords); everything
     * else (department, summary, materials, FAQ). Few fields keep queries fast on a large catalogue.
     */
    static final Map<String, Float> TEXT_FIELDS = Map.of(NAME, 8f, TERMS, 5f, BODY, 1f);
    static final float NAME_PHRASE_BOOST = 3f;
    static final float EXACT_NAME_BOOST = 1000f;
    static final float EXACT_ALIAS_BOOST = 200f;
    /**
     * Hits are counted exactly up to this many; beyond it the count is a lower bound ("1,000 多个"), which lets
     * Lucene skip documents that cannot reach the first pages.
     */
    static final int COUNT_EXACTLY_UP_TO = 1000;

    private static final Sort CATALOGUE_ORDER = new Sort(new SortField(SORT, SortField.Type.STRING));

    private final Supplier<Analyzer> analyzer;

    /** {@code analyzer}: the query analyzer, asked for at each query (the synonyms change at run time). */
    SearchQueries(Supplier<Analyzer> analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Items matching every word (or one of its synonyms) somewhere, best first, or in catalogue order without words;
     * when nothing matches every word, items matching any of them, so that a long or clumsy question still finds
     * something.
     */
    SearchResult search(IndexSearcher searcher, SearchQuery q) throws IOException {
        SearchResult precise = page(searcher, q, query(q, true));
        return precise.total() > 0 || q.text() == null ? precise : page(searcher, q, query(q, false));
    }

    /** How many items match the filters of the query and, if it has words, every one of them. */
    long count(IndexSearcher searcher, SearchQuery q) throws IOException {
        return searcher.count(query(q, true));
    }

    /** The Lucene query; {@code everyWord}: whether an item must match every word of the text (else any). */
    Query query(SearchQuery q, boolean everyWord) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (q.text() == null) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            QueryBuilder builder = new QueryBuilder(analyzer.get());
            if (everyWord) {
                Query all = builder.createBooleanQuery(ALL, q.text(), Occur.MUST);
                if (all != null) {
                    query.add(all, Occur.FILTER);
                }
            }
            BooleanQuery.Builder text = new BooleanQuery.Builder();
            String exact = ItemDocuments.normalise(q.text());
            text.add(new BoostQuery(new TermQuery(new Term(NAME_EXACT, exact)), EXACT_NAME_BOOST), Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term(ALIAS_EXACT, exact)), EXACT_ALIAS_BOOST), Occur.SHOULD);
            TEXT_FIELDS.forEach((field, boost) -> {
                Query fieldQuery = builder.createBooleanQuery(field, q.text(), Occur.SHOULD);
                if (fieldQuery != null) {
                    text.add(new BoostQuery(fieldQuery, boost), Occur.SHOULD);
                }
                if (field.equals(NAME)) {
                    Query phrase = builder.createPhraseQuery(field, q.text());
                    if (phrase != null) {
                        text.add(new BoostQuery(phrase, boost * NAME_PHRASE_BOOST), Occur.SHOULD);
                    }
                }
            });
            query.add(text.build(), Occur.MUST);
        }
        if (q.departmentCreditCode() != null) {
            query.add(new TermQuery(new Term(DEPARTMENT, q.departmentCreditCode())), Occur.FILTER);
        }
        if (q.audience() != null) {
            query.add(new TermQuery(new Term(AUDIENCE, q.audience().name())), Occur.FILTER);
        }
        if (q.theme() != null) {
            query.add(new TermQuery(new Term(THEME, q.theme())), Occur.FILTER);
        }
        return query.build();
    }

    /** The page of hits that {@code q} asks for: by score with words, in catalogue order without. */
    static SearchResult page(IndexSearcher searcher, SearchQuery q, Query query) throws IOException {
        int wanted = q.page() * q.size();
        TopDocs top = q.text() == null
                ? searcher.search(query, new TopFieldCollectorManager(CATALOGUE_ORDER, wanted, COUNT_EXACTLY_UP_TO))
                : searcher.search(query, new TopScoreDocCollectorManager(wanted, COUNT_EXACTLY_UP_TO));
        List<SearchHit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        var storedFields = searcher.storedFields();
        for (int i = (q.page() - 1) * q.size(); i < docs.length; i++) {
            hits.add(ItemDocuments.hit(storedFields.document(docs[i].doc)));
        }
        boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        return new SearchResult(hits, top.totalHits.value(), exact, q.page(), q.size());
    }

    /** The codes of the items the index holds under a department (for a renamed one, under its old name). */
    static List<String> codesOfDepartment(IndexSearcher searcher, String departmentCreditCode) throws IOException {
        List<String> codes = new ArrayList<>();
        var storedFields = searcher.storedFields();
        for (ScoreDoc doc : searcher.search(new TermQuery(new Term(DEPARTMENT, departmentCreditCode)),
                Math.max(1, searcher.getIndexReader().numDocs())).scoreDocs) {
            codes.add(storedFields.document(doc.doc, Set.of(CODE)).get(CODE));
        }
        return codes;
    }
}
