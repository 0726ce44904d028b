package org.tongban.catalog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.tongban.shared.AuthorizedBy;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.StopFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chinese full-text search over the items in force (Lucene with the smartcn analyzer). Names, aliases and
 * keywords weigh most, then departments, summaries, materials and FAQ; an exact name ranks first. Query-time
 * synonyms carry what people type (生孩子) to the words of the catalogue (出生); they are data that administrators
 * extend. Each instance keeps its own index up to date from the database, so several instances behind a load
 * balancer agree within seconds. The index is kept on disk in the data directory and reused at the next start when
 * it still matches the database (see {@link IndexState}); otherwise, and when no directory is configured (tests), it
 * is rebuilt.
 */
@Service
public class CatalogSearch implements AutoCloseable, org.springframework.beans.factory.SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogSearch.class);

    /**
     * Fields scored, and their weights: the name; the words people use for it (aliases, keywords); everything
     * else (department, summary, materials, FAQ). Few fields keep queries fast on a large catalogue.
     */
    private static final Map<String, Float> TEXT_FIELDS = Map.of("name", 8f, "terms", 5f, "body", 1f);
    private static final float EXACT_NAME_BOOST = 1000f;
    private static final float EXACT_ALIAS_BOOST = 200f;
    /**
     * Hits are counted exactly up to this many; beyond it the count is a lower bound ("1,000 多个"), which lets
     * Lucene skip documents that cannot reach the first pages.
     */
    private static final int COUNT_EXACTLY_UP_TO = 1000;

    private final ItemVersions versions;
    private final GuideCache guides;
    private final SearchResultCache results;
    private final DepartmentManagement departments;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Parsing the synonyms loads smartcn's dictionaries (about a second): done beside the start-up. */
    private volatile CompletableFuture<Analyzer> queryAnalyzer;
    private volatile java.time.Instant publishedSeenUpTo = java.time.Instant.EPOCH;
    /** The day whose effective dates the index reflects; the first catch-up of a new day applies the next. */
    private volatile LocalDate indexedForDay = LocalDate.MIN;

    CatalogSearch(ItemVersions versions, DepartmentManagement departments, JdbcClient jdbc, Clock clock,
                  GuideCache guides,
                  @Value("${tongban.catalog.search-cache-size:2000}") int searchCacheSize,
                  @Value("${tongban.catalog.index-dir:}") String indexDir) throws IOException {
        this.guides = guides;
        this.results = new SearchResultCache(searchCacheSize);
        this.versions = versions;
        this.departments = departments;
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = indexDir.isBlank() ? new ByteBuffersDirectory() : FSDirectory.open(Path.of(indexDir));
        this.writer = new IndexWriter(directory, new IndexWriterConfig(new SmartChineseAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
        this.queryAnalyzer = CompletableFuture.supplyAsync(() -> queryAnalyzer(synonymRules()),
                command -> Thread.ofVirtual().name("catalog-synonyms").start(command));
        // The database is migrated before this bean is created: check or build the index beside the rest of the
        // start-up.
        this.initialBuild = CompletableFuture.runAsync(this::reuseOrRebuild,
                command -> Thread.ofVirtual().name("catalog-index").start(command));
    }

    private final CompletableFuture<Void> initialBuild;
    private volatile boolean reusedStoredIndex;

    /** Whether the start-up found the stored index still matching the database (and only caught up). */
    boolean reusedStoredIndex() {
        return reusedStoredIndex;
    }

    /** The index is complete before the web server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        initialBuild.join();
    }

    private void reuseOrRebuild() {
        IndexState stored = IndexState.of(writer.getLiveCommitData());
        LocalDate today = LocalDate.now(clock);
        if (stored != null && !stored.day().isAfter(today) && stored.departments().equals(departmentsFingerprint())
                && stored.publishedVersions() == publishedVersionsUpTo(stored.seenUpTo())) {
            // Days may have passed since: catching up applies what was published meanwhile and every version
            // whose effective date came after the stored day (a rebuild if that is more than a thousand items).
            publishedSeenUpTo = stored.seenUpTo();
            indexedForDay = stored.day();
            catchUp();
            reusedStoredIndex = true;
            log.info("Catalogue search index reused from {} ({} items)", directory, writer.getDocStats().numDocs);
        } else {
            rebuildIndex();
        }
    }

    /**
     * What the index on disk reflects, kept in each Lucene commit: the format of its documents, the latest
     * publication it has seen and how many versions were published up to then, the departments' names, and the day
     * whose effective dates it applies. The index is reused only when all of them still hold for the database;
     * whatever was published after {@code seenUpTo} is then caught up before the first request.
     */
    record IndexState(String format, java.time.Instant seenUpTo, long publishedVersions, String departments,
                      LocalDate day) {

        /** Change whenever {@code document(...)} changes what it indexes, so that old indexes are rebuilt. */
        static final String FORMAT = "2";

        static @Nullable IndexState of(@Nullable Iterable<Map.Entry<String, String>> commitData) {
            if (commitData == null) {
                return null;
            }
            Map<String, String> data = new java.util.HashMap<>();
            commitData.forEach(e -> data.put(e.getKey(), e.getValue()));
            if (!FORMAT.equals(data.get("format"))) {
                return null;
            }
            try {
                return new IndexState(FORMAT, java.time.Instant.parse(data.get("seenUpTo")),
                        Long.parseLong(data.get("publishedVersions")), data.get("departments"),
                        LocalDate.parse(data.get("day")));
            } catch (RuntimeException unreadable) {
                return null;
            }
        }

        Map<String, String> commitData() {
            return Map.of("format", format, "seenUpTo", seenUpTo.toString(),
                    "publishedVersions", Long.toString(publishedVersions), "departments", departments,
                    "day", day.toString());
        }
    }

    private void commit(java.time.Instant seenUpTo, LocalDate day) throws IOException {
        writer.setLiveCommitData(new IndexState(IndexState.FORMAT, seenUpTo, publishedVersionsUpTo(seenUpTo),
                departmentsFingerprint(), day).commitData().entrySet());
        writer.commit();
    }

    private long publishedVersionsUpTo(java.time.Instant seenUpTo) {
        return jdbc.sql("SELECT count(*) FROM catalog_item_version WHERE status = 'PUBLISHED' AND reviewed_at <= ?")
                .param(java.sql.Timestamp.from(seenUpTo)).query(Long.class).single();
    }

    /** The department names the documents carry; a change to them means a rebuild at the next start. */
    private String departmentsFingerprint() {
        String names = departments.all().stream().map(d -> d.creditCode() + ":" + d.name() + ":" + d.shortName())
                .sorted().collect(Collectors.joining("|"));
        return HexFormat.of().formatHex(sha256(names));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Analyzer queryAnalyzer() {
        return queryAnalyzer.join();
    }

    /**
     * Items matching every word (or one of its synonyms) somewhere, best first; when nothing matches them all,
     * items matching any of the words, so that a long or clumsy question still finds something.
     */
    @AuthorizedBy("anyone: searches the items in force")
    public SearchResult search(SearchQuery q) {
        return results.get(q, () -> {
            SearchResult precise = run(q, query(q, true));
            return precise.total() > 0 || q.text() == null ? precise : run(q, query(q, false));
        });
    }

    /** How many items in force match the filters of the query (its text, if any, must match every word). */
    @AuthorizedBy("anyone: searches the items in force")
    public long count(SearchQuery q) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(query(q, true));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult run(SearchQuery q, Query query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int wanted = q.page() * q.size();
                TopDocs top = q.text() == null
                        ? searcher.search(query, new TopFieldCollectorManager(
                                new Sort(new SortField("sort", SortField.Type.STRING)), wanted, COUNT_EXACTLY_UP_TO))
                        : searcher.search(query, new TopScoreDocCollectorManager(wanted, COUNT_EXACTLY_UP_TO));
                List<SearchHit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = (q.page() - 1) * q.size(); i < docs.length; i++) {
                    hits.add(hit(searcher.storedFields().document(docs[i].doc)));
                }
                boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
                return new SearchResult(hits, top.totalHits.value(), exact, q.page(), q.size());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Query query(SearchQuery q, boolean everyWord) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (q.text() == null) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            if (everyWord) {
                Query all = new QueryBuilder(queryAnalyzer()).createBooleanQuery("all", q.text(), Occur.MUST);
                if (all != null) {
                    query.add(all, Occur.FILTER);
                }
            }
            BooleanQuery.Builder text = new BooleanQuery.Builder();
            text.add(new BoostQuery(new TermQuery(new Term("name_exact", normalise(q.text()))), EXACT_NAME_BOOST),
                    Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term("alias_exact", normalise(q.text()))), EXACT_ALIAS_BOOST),
                    Occur.SHOULD);
            QueryBuilder builder = new QueryBuilder(queryAnalyzer());
            TEXT_FIELDS.forEach((field, boost) -> {
                Query fieldQuery = builder.createBooleanQuery(field, q.text(), Occur.SHOULD);
                if (fieldQuery != null) {
                    text.add(new BoostQuery(fieldQuery, boost), Occur.SHOULD);
                }
                if (field.equals("name")) {
                    Query phrase = builder.createPhraseQuery(field, q.text());
                    if (phrase != null) {
                        text.add(new BoostQuery(phrase, boost * 3), Occur.SHOULD);
                    }
                }
            });
            query.add(text.build(), Occur.MUST);
        }
        if (q.departmentCreditCode() != null) {
            query.add(new TermQuery(new Term("dept", q.departmentCreditCode())), Occur.FILTER);
        }
        if (q.audience() != null) {
            query.add(new TermQuery(new Term("audience", q.audience().name())), Occur.FILTER);
        }
        if (q.theme() != null) {
            query.add(new TermQuery(new Term("theme", q.theme())), Occur.FILTER);
        }
        return query.build();
    }

    /** Rebuilds the whole index from the versions in force today (benchmarks, operations); returns its size. */
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public int rebuild() {
        return rebuildIndex();
    }

    synchronized int rebuildIndex() {
        long started = System.nanoTime();
        java.time.Instant startedAt = latestPublication();
        // One day for the whole rebuild: one that runs across midnight records the day whose versions it holds.
        LocalDate today = LocalDate.now(clock);
        List<ItemVersion> inForce = versions.allInForce(today);
        Map<String, Department> byCreditCode = departmentsByCreditCode();
        try {
            writer.deleteAll();
            for (ItemVersion v : inForce) {
                writer.addDocument(document(v.content(), byCreditCode));
            }
            // One segment: every query then looks its terms up once instead of once per segment.
            writer.forceMerge(1);
            commit(startedAt, today);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        guides.clear();
        results.clear();
        publishedSeenUpTo = startedAt;
        indexedForDay = today;
        log.info("Catalogue search index holds {} items in force (built in {} ms)", inForce.size(),
                (System.nanoTime() - started) / 1_000_000);
        return inForce.size();
    }

    /** Brings one item's entry up to what is in force today (added, replaced or removed). */
    void reindex(String code) {
        reindex(List.of(code), publishedSeenUpTo);
    }

    /** The items of a department, as the index holds them (for a renamed department, under its old name). */
    void reindexDepartment(java.util.UUID departmentId) {
        departments.byId(departmentId)
                .ifPresent(department -> reindex(indexedCodesOf(department.creditCode()), publishedSeenUpTo));
    }

    private List<String> indexedCodesOf(String departmentCreditCode) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<String> codes = new ArrayList<>();
                var storedFields = searcher.storedFields();
                for (ScoreDoc doc : searcher.search(new TermQuery(new Term("dept", departmentCreditCode)),
                        Math.max(1, searcher.getIndexReader().numDocs())).scoreDocs) {
                    codes.add(storedFields.document(doc.doc, java.util.Set.of("code")).get("code"));
                }
                return codes;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Picks up what other instances published and, once a day, the versions whose effective date has come since the
     * day the index applied (several days after a stop). Cheap: one indexed query when nothing changed.
     */
    void catchUp() {
        java.time.Instant seen = publishedSeenUpTo;
        java.time.Instant latest = latestPublication();
        java.util.Set<String> changed = new java.util.LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT item_code FROM catalog_item_version
                WHERE status = 'PUBLISHED' AND reviewed_at > ?""").param(java.sql.Timestamp.from(seen))
                .query(String.class).list());
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(indexedForDay) && !indexedForDay.equals(LocalDate.MIN)) {
            changed.addAll(versions.codesTakingEffectAfter(indexedForDay, today));
        }
        reindex(changed, latest, today, today);
        indexedForDay = today;
        publishedSeenUpTo = latest;
    }

    /**
     * Reindexes several items with one refresh of the searcher; many at once means a rebuild. {@code seenUpTo}: the
     * latest publication the index reflects once these are done.
     */
    synchronized void reindex(java.util.Collection<String> codes, java.time.Instant seenUpTo) {
        LocalDate today = LocalDate.now(clock);
        reindex(codes, seenUpTo, today, indexedForDay.equals(LocalDate.MIN) ? today : indexedForDay);
    }

    /**
     * {@code inForceOn}: the day whose versions the entries show; {@code day}: the day whose effective dates the
     * whole index applies once these are done (recorded for the next start).
     */
    private synchronized void reindex(java.util.Collection<String> codes, java.time.Instant seenUpTo,
                                      LocalDate inForceOn, LocalDate day) {
        if (codes.isEmpty()) {
            return;
        }
        if (codes.size() > 1_000) {
            rebuildIndex();
            return;
        }
        Map<String, Department> byCreditCode = departmentsByCreditCode();
        try {
            for (String code : codes) {
                guides.evict(code);
                var current = versions.inForce(code, inForceOn);
                if (current.isPresent()) {
                    writer.updateDocument(new Term("code", code), document(current.get().content(), byCreditCode));
                } else {
                    writer.deleteDocuments(new Term("code", code));
                }
            }
            commit(seenUpTo, day);
            searchers.maybeRefreshBlocking();
            results.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.time.Instant latestPublication() {
        java.sql.Timestamp latest = jdbc.sql("SELECT max(reviewed_at) FROM catalog_item_version WHERE status = 'PUBLISHED'")
                .query(java.sql.Timestamp.class).optional().orElse(null);
        return latest == null ? java.time.Instant.EPOCH : latest.toInstant();
    }

    /** A synonym rule administrators added: 新生儿, 生孩子, 出生. */
    public record SynonymRule(long id, String rule, String createdBy) {
    }

    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    public List<SynonymRule> addedSynonyms() {
        return jdbc.sql("SELECT id, rule, created_by FROM catalog_synonym ORDER BY id")
                .query((rs, n) -> new SynonymRule(rs.getLong("id"), rs.getString("rule"), rs.getString("created_by")))
                .list();
    }

    /** The rules shipped with Tongban (catalog/synonyms.txt), without comments. */
    @AuthorizedBy("anyone: the shipped synonym list is public data")
    public List<String> shippedSynonyms() {
        try {
            return new ClassPathResource("catalog/synonyms.txt").getContentAsString(StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a rule after checking that it parses, recorded under the signed-in administrator; queries use it at once. */
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    public void addSynonym(String rule) {
        String by = org.tongban.identity.AccountManagement.currentPrincipal()
                .map(org.tongban.identity.AccountPrincipal::getUsername).orElseThrow();
        String cleaned = rule == null ? "" : rule.strip().replace('，', ',');
        if (cleaned.isEmpty() || cleaned.length() > 200 || cleaned.lines().count() > 1
                || (!cleaned.contains(",") && !cleaned.contains("=>"))) {
            throw new org.tongban.shared.InvalidInputException(org.tongban.shared.Violation.of("rule",
                    "synonym.format", "每条规则写在一行，用逗号分隔意思相同的词，例如：新生儿, 生孩子, 出生"));
        }
        try {
            synonymMap(cleaned);
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new org.tongban.shared.InvalidInputException(org.tongban.shared.Violation.of("rule",
                    "synonym.parse", "这条规则无法使用：{0}", String.valueOf(e.getMessage())));
        }
        jdbc.sql("INSERT INTO catalog_synonym (rule, created_by, created_at) VALUES (?, ?, ?) ON CONFLICT (rule) DO NOTHING")
                .params(cleaned, by, java.sql.Timestamp.from(clock.instant())).update();
        reloadSynonyms();
    }

    @org.springframework.security.access.prepost.PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    public void removeSynonym(long id) {
        jdbc.sql("DELETE FROM catalog_synonym WHERE id = ?").param(id).update();
        reloadSynonyms();
    }

    /** Replaces the synonym rules used by queries (shipped defaults plus the administrators' rules). */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    public synchronized void reloadSynonyms() {
        this.queryAnalyzer = CompletableFuture.completedFuture(queryAnalyzer(synonymRules()));
        results.clear();
    }

    private String synonymRules() {
        try {
            String shipped = new ClassPathResource("catalog/synonyms.txt").getContentAsString(StandardCharsets.UTF_8);
            String added = String.join("\n", jdbc.sql("SELECT rule FROM catalog_synonym ORDER BY id")
                    .query(String.class).list());
            return shipped + "\n" + added;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses synonym rules as they would be used, so that an administrator's bad rule is refused up front. */
    static SynonymMap synonymMap(String rules) throws IOException, ParseException {
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

    private static Analyzer queryAnalyzer(String rules) {
        SynonymMap synonyms;
        try {
            synonyms = synonymMap(rules);
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

    private Map<String, Department> departmentsByCreditCode() {
        return departments.all().stream().collect(Collectors.toMap(Department::creditCode, Function.identity()));
    }

    private static Document document(ItemContent item, Map<String, Department> departments) {
        Document doc = new Document();
        doc.add(new StringField("code", item.implementationCode(), Field.Store.YES));
        doc.add(new SortedDocValuesField("sort", new BytesRef(item.basicCode() + item.implementationCode())));
        doc.add(new TextField("name", item.name(), Field.Store.YES));
        doc.add(new StringField("name_exact", normalise(item.name()), Field.Store.NO));
        for (String alias : item.aliases()) {
            doc.add(new StringField("alias_exact", normalise(alias), Field.Store.NO));
        }
        String terms = String.join(" ", item.aliases()) + " " + String.join(" ", item.keywords());
        doc.add(new TextField("terms", terms, Field.Store.NO));
        Department department = departments.get(item.departmentCreditCode());
        String departmentName = department == null ? "" : department.name();
        String body = String.join(" ", departmentName, department == null ? "" : department.shortName(),
                item.summary(), item.materials().stream().map(ItemContent.Material::name).collect(Collectors.joining(" ")),
                item.faqs().stream().map(f -> f.question() + " " + f.answer()).collect(Collectors.joining(" ")));
        doc.add(new TextField("body", body, Field.Store.NO));
        // Everything searchable in one field, to require every word of a query somewhere in the item.
        doc.add(new TextField("all", item.name() + " " + terms + " " + body, Field.Store.NO));
        doc.add(new StoredField("summary", item.summary()));
        doc.add(new StoredField("dept_name", departmentName));
        doc.add(new StringField("dept", item.departmentCreditCode(), Field.Store.YES));
        item.audiences().forEach(a -> doc.add(new StringField("audience", a.name(), Field.Store.YES)));
        item.themes().forEach(t -> doc.add(new StringField("theme", t, Field.Store.YES)));
        if (item.onlineDepth() != null) {
            doc.add(new StoredField("depth", item.onlineDepth().name()));
        }
        if (item.visits() != null) {
            doc.add(new StoredField("visits", item.visits()));
        }
        if (item.committedLimit() != null && item.committedLimit().unit() != null) {
            doc.add(new StoredField("limit", item.committedLimit().value() + ":" + item.committedLimit().unit().name()));
        }
        return doc;
    }

    private static SearchHit hit(Document doc) {
        String limit = doc.get("limit");
        ItemContent.TimeLimit committed = null;
        if (limit != null) {
            String[] parts = limit.split(":");
            committed = new ItemContent.TimeLimit(Integer.parseInt(parts[0]), ItemContent.LimitUnit.valueOf(parts[1]));
        }
        String depth = doc.get("depth");
        var visits = doc.getField("visits");
        return new SearchHit(doc.get("code"), doc.get("name"), doc.get("dept"), doc.get("dept_name"),
                doc.get("summary"), depth == null ? null : ItemContent.OnlineDepth.valueOf(depth),
                visits == null ? null : visits.numericValue().intValue(), committed,
                Arrays.stream(doc.getValues("audience")).map(ItemContent.Audience::valueOf).toList(),
                List.of(doc.getValues("theme")));
    }

    private static String normalise(@Nullable String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", "");
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
