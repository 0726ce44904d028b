package org.tongban.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.CatalogSearch;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemContent.Audience;
import org.tongban.catalog.ItemGuide;
import org.tongban.catalog.ItemWithdrawn;
import org.tongban.catalog.SearchQuery;
import org.tongban.catalog.SearchResult;
import org.tongban.catalog.Theme;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.shared.NotFound;
import org.tongban.web.Pagination;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public portal: home page with search and life-event themes, search results, browsing by theme and by
 * department, and the guide page of each item. Every page is a plain GET, so it can be bookmarked, shared and
 * cached, and works without JavaScript.
 */
@Controller
class PortalController {

    private static final int PAGE_SIZE = 20;

    private final CatalogSearch search;
    private final CatalogManagement catalog;
    private final DepartmentManagement departments;
    private final GuideFacts facts;

    PortalController(CatalogSearch search, CatalogManagement catalog, DepartmentManagement departments,
                     GuideFacts facts) {
        this.search = search;
        this.catalog = catalog;
        this.departments = departments;
        this.facts = facts;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<Audience, List<Theme>> themes = catalog.themes().stream()
                .collect(Collectors.groupingBy(Theme::audience, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("personThemes", themes.getOrDefault(Audience.PERSON, List.of()));
        model.addAttribute("organisationThemes", themes.getOrDefault(Audience.ORGANISATION, List.of()));
        model.addAttribute("itemCount", search.count(new SearchQuery(null, null, null, null, 1, 1)));
        model.addAttribute("departmentCount", departments.all().size());
        return "catalog/home";
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) @Nullable String q,
                  @RequestParam(required = false) @Nullable Audience audience,
                  @RequestParam(defaultValue = "1") int page, Model model) {
        String text = q == null ? null : q.strip();
        // A pasted paragraph still finds something: its beginning is searched, and the page says so.
        boolean shortened = text != null && text.length() > SearchQuery.MAX_TEXT;
        if (shortened) {
            text = text.substring(0, SearchQuery.MAX_TEXT);
        }
        model.addAttribute("shortenedTo", shortened ? SearchQuery.MAX_TEXT : null);
        SearchResult result = search.search(new SearchQuery(text, null, audience, null, page, PAGE_SIZE));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("audience", audience);
        model.addAttribute("result", result);
        String query = text;
        model.addAttribute("pagination", pagination(result, p -> UriComponentsBuilder.fromPath("/search")
                .queryParamIfPresent("q", java.util.Optional.ofNullable(query))
                .queryParamIfPresent("audience", java.util.Optional.ofNullable(audience))
                .queryParam("page", p).encode().toUriString()));
        model.addAttribute("departmentNames", departmentNames());
        return "catalog/search";
    }

    @GetMapping("/themes")
    String themes(@RequestParam(defaultValue = "PERSON") Audience audience, Model model) {
        model.addAttribute("audience", audience);
        model.addAttribute("themes", catalog.themes().stream().filter(t -> t.audience() == audience).toList());
        return "catalog/themes";
    }

    @GetMapping("/themes/{code}")
    String theme(@PathVariable String code, @RequestParam(defaultValue = "1") int page, Model model) {
        Theme theme = catalog.themes().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("没有这个主题：" + code));
        SearchResult result = search.search(new SearchQuery(null, null, null, code, page, PAGE_SIZE));
        model.addAttribute("theme", theme);
        model.addAttribute("result", result);
        model.addAttribute("pagination", pagination(result, p -> "/themes/" + code + "?page=" + p));
        model.addAttribute("departmentNames", departmentNames());
        return "catalog/theme";
    }

    @GetMapping("/departments")
    String departments(Model model) {
        List<Department> all = departments.all();
        Map<String, Long> counts = all.stream().collect(Collectors.toMap(Department::creditCode,
                d -> search.count(new SearchQuery(null, d.creditCode(), null, null, 1, 1))));
        model.addAttribute("departments", all.stream().filter(d -> counts.get(d.creditCode()) > 0).toList());
        model.addAttribute("counts", counts);
        return "catalog/departments";
    }

    @GetMapping("/departments/{creditCode}")
    String department(@PathVariable String creditCode, @RequestParam(defaultValue = "1") int page, Model model) {
        Department department = departments.byCreditCode(creditCode)
                .orElseThrow(() -> new NotFound("没有这个部门：" + creditCode));
        SearchResult result = search.search(new SearchQuery(null, creditCode, null, null, page, PAGE_SIZE));
        model.addAttribute("department", department);
        model.addAttribute("facts", facts.of(department));
        model.addAttribute("result", result);
        model.addAttribute("pagination", pagination(result, p -> "/departments/" + creditCode + "?page=" + p));
        model.addAttribute("departmentNames", departmentNames());
        return "catalog/department";
    }

    @GetMapping("/items/{code}")
    String guide(@PathVariable String code, Model model, HttpServletResponse response) {
        ItemGuide guide;
        try {
            guide = catalog.guide(code);
        } catch (ItemWithdrawn withdrawn) {
            // An old link or bookmark: say that the item ended, since when and why (410 Gone).
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("withdrawn", withdrawn);
            return "catalog/withdrawn";
        }
        model.addAttribute("guide", guide);
        model.addAttribute("item", guide.content());
        model.addAttribute("keyFacts", facts.of(guide.content()));
        model.addAttribute("where", facts.where(guide.content()));
        model.addAttribute("authority", facts.authority(guide.content()));
        model.addAttribute("specialProcedures", guide.content().specialProcedures().stream()
                .map(p -> new GuideProcedure(p.name(), facts.specialProcedureLimit(p), p.note())).toList());
        model.addAttribute("steps", guide.content().steps().stream()
                .map(s -> new GuideStep(s.name(), facts.step(s))).toList());
        model.addAttribute("themes", catalog.themes().stream()
                .filter(t -> guide.content().themes().contains(t.code())).toList());
        return "catalog/guide";
    }

    /** A blank form or sample of an item in force; nothing else is served from the file store. */
    @GetMapping("/items/{code}/files/{sha256}")
    ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable String sha256) {
        ItemContent item = catalog.guide(code).content();
        ItemContent.Attachment attachment = item.attachments().stream()
                .filter(a -> sha256.equals(a.sha256())).findFirst()
                .orElseThrow(() -> new NotFound("此事项没有这个附件"));
        var file = catalog.attachmentFile(sha256).orElseThrow(() -> new NotFound("附件已不存在"));
        byte[] data = file.data();
        // The type found when the bytes were checked, not the one the item's content (an editable form) states.
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable())
                .body(data);
    }

    /** A step as the step-list component draws it. */
    record GuideStep(String title, String detail) {
    }

    /** A special procedure as the guide lists it: its name, how long it usually takes (or empty), and why. */
    record GuideProcedure(String name, String limit, @org.jspecify.annotations.Nullable String note) {
    }

    private Map<String, String> departmentNames() {
        return departments.all().stream().collect(Collectors.toMap(Department::creditCode, Department::name));
    }

    private static Pagination pagination(SearchResult result, java.util.function.IntFunction<String> url) {
        int pages = (int) Math.min(result.totalPages(), Integer.MAX_VALUE);
        return Pagination.of(Math.min(result.page(), Math.max(pages, 1)), pages, url);
    }
}
