package org.tongban.catalog;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.tongban.identity.Department;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How an item in force is written into the search index and read back as a {@link SearchHit}: which of its
 * elements go into which field, analysed or kept whole, stored or only searched. The field names are shared with
 * {@link SearchQueries}, which asks for them.
 */
final class ItemDocuments {

    /**
     * Change whenever {@link #document} changes what it indexes, so that indexes kept on disk in the old format are
     * rebuilt at the next start.
     */
    static final String FORMAT = "2";

    /** The implementation code: one document per item, replaced and removed by it. */
    static final String CODE = "code";
    /** Basic code then implementation code: the order of browsing without words. */
    static final String SORT = "sort";
    static final String NAME = "name";
    /** The name whole, spaces removed: typed exactly, it ranks first. */
    static final String NAME_EXACT = "name_exact";
    /** Each alias whole, spaces removed. */
    static final String ALIAS_EXACT = "alias_exact";
    /** The words people use for the item: aliases and keywords. */
    static final String TERMS = "terms";
    /** Everything else searched: the department's names, the summary, the materials, the FAQ. */
    static final String BODY = "body";
    /** Name, terms and body together, to require every word of a query somewhere in the item. */
    static final String ALL = "all";
    static final String DEPARTMENT = "dept";
    static final String DEPARTMENT_NAME = "dept_name";
    static final String SUMMARY = "summary";
    static final String AUDIENCE = "audience";
    static final String THEME = "theme";
    static final String ONLINE_DEPTH = "depth";
    static final String VISITS = "visits";
    static final String COMMITTED_LIMIT = "limit";

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private ItemDocuments() {
    }

    /** The analyzer of the analysed fields as they are indexed (queries add synonyms: {@link Synonyms}). */
    static Analyzer indexAnalyzer() {
        return new SmartChineseAnalyzer();
    }

    /**
     * The document of an item. {@code departments}, by credit code, give the names of its department (an item whose
     * department is unknown is indexed without them).
     */
    static Document document(ItemContent item, Map<String, Department> departments) {
        Document doc = new Document();
        doc.add(new StringField(CODE, item.implementationCode(), Field.Store.YES));
        doc.add(new SortedDocValuesField(SORT, new BytesRef(item.basicCode() + item.implementationCode())));
        doc.add(new TextField(NAME, item.name(), Field.Store.YES));
        doc.add(new StringField(NAME_EXACT, normalise(item.name()), Field.Store.NO));
        for (String alias : item.aliases()) {
            doc.add(new StringField(ALIAS_EXACT, normalise(alias), Field.Store.NO));
        }
        String terms = String.join(" ", item.aliases()) + " " + String.join(" ", item.keywords());
        doc.add(new TextField(TERMS, terms, Field.Store.NO));
        Department department = departments.get(item.departmentCreditCode());
        String departmentName = department == null ? "" : department.name();
        String body = String.join(" ", departmentName, department == null ? "" : department.shortName(),
                item.summary(), item.materials().stream().map(ItemContent.Material::name).collect(Collectors.joining(" ")),
                item.faqs().stream().map(f -> f.question() + " " + f.answer()).collect(Collectors.joining(" ")));
        doc.add(new TextField(BODY, body, Field.Store.NO));
        doc.add(new TextField(ALL, item.name() + " " + terms + " " + body, Field.Store.NO));
        doc.add(new StoredField(SUMMARY, item.summary()));
        doc.add(new StoredField(DEPARTMENT_NAME, departmentName));
        doc.add(new StringField(DEPARTMENT, item.departmentCreditCode(), Field.Store.YES));
        item.audiences().forEach(a -> doc.add(new StringField(AUDIENCE, a.name(), Field.Store.YES)));
        item.themes().forEach(t -> doc.add(new StringField(THEME, t, Field.Store.YES)));
        if (item.onlineDepth() != null) {
            doc.add(new StoredField(ONLINE_DEPTH, item.onlineDepth().name()));
        }
        if (item.visits() != null) {
            doc.add(new StoredField(VISITS, item.visits()));
        }
        if (item.committedLimit() != null && item.committedLimit().unit() != null) {
            doc.add(new StoredField(COMMITTED_LIMIT,
                    item.committedLimit().value() + ":" + item.committedLimit().unit().name()));
        }
        return doc;
    }

    /** The hit a stored document shows in a result list. */
    static SearchHit hit(Document doc) {
        String limit = doc.get(COMMITTED_LIMIT);
        ItemContent.TimeLimit committed = null;
        if (limit != null) {
            String[] parts = limit.split(":");
            committed = new ItemContent.TimeLimit(Integer.parseInt(parts[0]), ItemContent.LimitUnit.valueOf(parts[1]));
        }
        String depth = doc.get(ONLINE_DEPTH);
        var visits = doc.getField(VISITS);
        return new SearchHit(doc.get(CODE), doc.get(NAME), doc.get(DEPARTMENT), doc.get(DEPARTMENT_NAME),
                doc.get(SUMMARY), depth == null ? null : ItemContent.OnlineDepth.valueOf(depth),
                visits == null ? null : visits.numericValue().intValue(), committed,
                Arrays.stream(doc.getValues(AUDIENCE)).map(ItemContent.Audience::valueOf).toList(),
                List.of(doc.getValues(THEME)));
    }

    /** A name or query as the exact fields hold it: without surrounding or inner white space. */
    static String normalise(@Nullable String text) {
        return text == null ? "" : WHITE_SPACE.matcher(text.strip()).replaceAll("");
    }
}
