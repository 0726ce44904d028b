package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.shared.AuthorizedBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chinese full-text search over the items in force (Lucene with the smartcn analyzer), and the one place that keeps
 * its index in step with the database. The parts, each testable on its own:
 * <ul>
 * <li>{@link SearchIndex}: the Lucene index, its writer and searchers, kept on disk or in memory;</li>
 * <li>{@link ItemDocuments}: what of an item is indexed in which field, and the hit read back;</li>
 * <li>{@link SearchQueries}: a {@link SearchQuery} as Lucene queries (weights, exact names, filters) and a page of
 * results;</li>
 * <li>{@link Synonyms}: the synonym rules (shipped and administrators') and the query analyzer they make.</li>
 * </ul>
 * Each instance keeps its own index up to date from the database ({@link SearchFreshness} calls it), so several
 * instances behind a load balancer agree within seconds. The index is kept on disk in the data directory and reused
 * at the next start when it still matches the database (see {@link IndexState}); otherwise, and when no directory
 * is configured (tests), it is rebuilt.
 */
@Service
public class CatalogSearch implements AutoCloseable, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogSearch.class);
    /** More items changed at once than this are applied by a rebuild. */
    private static final int REBUILD_BEYOND = 1_000;

    private final ItemVersions versions;
    private final GuideCache guides;
    private final SearchResultCache results;
    private final DepartmentManagement departments;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SearchIndex index;
    private final Synonyms synonyms;
    private final SearchQueries queries;
    private volatile Instant publishedSeenUpTo = Instant.EPOCH;
    /** The day whose effective dates the index reflects; the first catch-up of a new day applies the next. */
    private volatile LocalDate indexedForDay = LocalDate.MIN;
    private final CompletableFuture<Void> initialBuild;
    private volatile boolean reusedStoredIndex;

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
        this.index = new SearchIndex(SearchIndex.directory(indexDir), ItemDocuments.indexAnalyzer());
        this.synonyms = new Synonyms(() -> jdbc.sql("SELECT rule FROM catalog_synonym ORDER BY id")
                .query(String.class).list());
        this.queries = new SearchQueries(synonyms::analyzer);
        // The database is migrated before this bean is created: check or build the index beside the rest of the
        // start-up.
        this.initialBuild = CompletableFuture.runAsync(this::reuseOrRebuild,
                command -> Thread.ofVirtual().name("catalog-index").start(command));
    }

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
        IndexState stored = IndexState.of(index.committedData());
        LocalDate today = LocalDate.now(clock);
        if (stored != null && !stored.day().isAfter(today) && stored.departments().equals(departmentsFingerprint())
                && stored.publishedVersions() == publishedVersionsUpTo(stored.seenUpTo())) {
            // Days may have passed since: catching up applies what was published meanwhile and every version
            // whose effective date came after the stored day (a rebuild if that is more than a thousand items).
            publishedSeenUpTo = stored.seenUpTo();
            indexedForDay = stored.day();
            catchUp();
            reusedStoredIndex = true;
            log.info("Catalogue search index reused from {} ({} items)", index, index.size());
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
    record IndexState(String format, Instant seenUpTo, long publishedVersions, String departments, LocalDate day) {

        /** The format of {@link ItemDocuments}: an index in another is rebuilt. */
        static final String FORMAT = ItemDocuments.FORMAT;

        static @Nullable IndexState of(@Nullable Iterable<Map.Entry<String, String>> commitData) {
            if (commitData == null) {
                return null;
            }
            Map<String, String> data = new HashMap<>();
            commitData.forEach(e -> data.put(e.getKey(), e.getValue()));
            if (!FORMAT.equals(data.get("format"))) {
                return null;
            }
            try {
                return new IndexState(FORMAT, Instant.parse(data.get("seenUpTo")),
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

    private void commit(Instant seenUpTo, LocalDate day) throws IOException {
        index.commit(new IndexState(IndexState.FORMAT, seenUpTo, publishedVersionsUpTo(seenUpTo),
                departmentsFingerprint(), day).commitData());
    }

    private long publishedVersionsUpTo(Instant seenUpTo) {
        return jdbc.sql("SELECT count(*) FROM catalog_item_version WHERE status = 'PUBLISHED' AND reviewed_at <= ?")
                .param(Timestamp.from(seenUpTo)).query(Long.class).single();
    }

    /** The department names the documents carry; a change to them means a rebuild at the next start. */
    private String departmentsFingerprint() {
        String names = departments.all().stream().map(d -> d.creditCode() + ":" + d.name() + ":" + d.shortName())
                .sorted().collect(Collectors.joining("|"));
        return HexFormat.of().formatHex(sha256(names));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Items matching every word (or one of its synonyms) somewhere, best first; when nothing matches them all,
     * items matching any of the words, so that a long or clumsy question still finds something.
     */
    @AuthorizedBy("anyone: searches the items in force")
    public SearchResult search(SearchQuery q) {
        return results.get(q, () -> index.search(searcher -> queries.search(searcher, q)));
    }

    /** How many items in force match the filters of the query (its text, if any, must match every word). */
    @AuthorizedBy("anyone: searches the items in force")
    public long count(SearchQuery q) {
        return index.search(searcher -> queries.count(searcher, q));
    }

    /** Rebuilds the whole index from the versions in force today (benchmarks, operations); returns its size. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public int rebuild() {
        return rebuildIndex();
    }

    synchronized int rebuildIndex() {
        long started = System.nanoTime();
        Instant startedAt = latestPublication();
        // One day for the whole rebuild: one that runs across midnight records the day whose versions it holds.
        LocalDate today = LocalDate.now(clock);
        List<ItemVersion> inForce = versions.allInForce(today);
        Map<String, Department> byCreditCode = departmentsByCreditCode();
        try {
            index.replaceAll(() -> inForce.stream().map(v -> ItemDocuments.document(v.content(), byCreditCode))
                    .iterator());
            commit(startedAt, today);
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
    void reindexDepartment(UUID departmentId) {
        departments.byId(departmentId).ifPresent(department -> reindex(
                index.search(searcher -> SearchQueries.codesOfDepartment(searcher, department.creditCode())),
                publishedSeenUpTo));
    }

    /**
     * Picks up what other instances published and, once a day, the versions whose effective date has come since the
     * day the index applied (several days after a stop). Cheap: one indexed query when nothing changed.
     */
    void catchUp() {
        Instant seen = publishedSeenUpTo;
        Instant latest = latestPublication();
        Set<String> changed = new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT item_code FROM catalog_item_version
                WHERE status = 'PUBLISHED' AND reviewed_at > ?""").param(Timestamp.from(seen))
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
    synchronized void reindex(Collection<String> codes, Instant seenUpTo) {
        LocalDate today = LocalDate.now(clock);
        reindex(codes, seenUpTo, today, indexedForDay.equals(LocalDate.MIN) ? today : indexedForDay);
    }

    /**
     * {@code inForceOn}: the day whose versions the entries show; {@code day}: the day whose effective dates the
     * whole index applies once these are done (recorded for the next start).
     */
    private synchronized void reindex(Collection<String> codes, Instant seenUpTo, LocalDate inForceOn,
                                      LocalDate day) {
        if (codes.isEmpty()) {
            return;
        }
        if (codes.size() > REBUILD_BEYOND) {
            rebuildIndex();
            return;
        }
        Map<String, Department> byCreditCode = departmentsByCreditCode();
        try {
            for (String code : codes) {
                guides.evict(code);
                var current = versions.inForce(code, inForceOn);
                if (current.isPresent()) {
                    index.put(code, ItemDocuments.document(current.get().content(), byCreditCode));
                } else {
                    index.remove(code);
                }
            }
            commit(seenUpTo, day);
            results.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instant latestPublication() {
        Timestamp latest = jdbc.sql("SELECT max(reviewed_at) FROM catalog_item_version WHERE status = 'PUBLISHED'")
                .query(Timestamp.class).optional().orElse(null);
        return latest == null ? Instant.EPOCH : latest.toInstant();
    }

    private Map<String, Department> departmentsByCreditCode() {
        return departments.all().stream().collect(Collectors.toMap(Department::creditCode, Function.identity()));
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
        return Synonyms.shipped();
    }

    /** Adds a rule after checking that it parses, recorded under the signed-in administrator; queries use it at once. */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    public void addSynonym(String rule) {
        String by = AccountManagement.currentPrincipal().map(AccountPrincipal::getUsername).orElseThrow();
        String checked = Synonyms.checked(rule);
        jdbc.sql("INSERT INTO catalog_synonym (rule, created_by, created_at) VALUES (?, ?, ?) ON CONFLICT (rule) DO NOTHING")
                .params(checked, by, Timestamp.from(clock.instant())).update();
        reloadSynonyms();
    }

    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    public void removeSynonym(long id) {
        jdbc.sql("DELETE FROM catalog_synonym WHERE id = ?").param(id).update();
        reloadSynonyms();
    }

    /** Replaces the synonym rules used by queries (shipped defaults plus the administrators' rules). */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    public void reloadSynonyms() {
        synonyms.reload();
        results.clear();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
