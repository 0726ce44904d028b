package org.tongban.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.CatalogSearch;
import org.tongban.catalog.ItemContent.Audience;
import org.tongban.catalog.SearchQuery;
import org.tongban.catalog.SearchResult;
import org.tongban.identity.DepartmentManagement;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.util.ArrayList;
import java.util.List;

/** The public catalogue over HTTP: search, the full guide of an item, departments and themes. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalogue 事项清单", description = "Public service catalogue and guides")
class CatalogApi {

    private final CatalogSearch search;
    private final CatalogManagement catalog;
    private final DepartmentManagement departments;

    CatalogApi(CatalogSearch search, CatalogManagement catalog, DepartmentManagement departments) {
        this.search = search;
        this.catalog = catalog;
        this.departments = departments;
    }

    /** A page of items; {@code totalExact} false means {@code total} is a lower bound (a very broad query). */
    record ItemPage(List<ApiSearchHit> items, long total, boolean totalExact, int page, int size, int totalPages) {
    }

    @GetMapping("/catalog/items")
    @Operation(summary = "Search or browse the items in force", description = "Chinese full-text search over names, "
            + "aliases, keywords, departments, materials and FAQ; exact names rank first. Pages start at 1.")
    ItemPage items(@Parameter(description = "words to search, e.g. 生孩子") @RequestParam(required = false) @Nullable String q,
                   @Parameter(description = "credit code of the implementing department") @RequestParam(required = false) @Nullable String department,
                   @RequestParam(required = false) @Nullable Audience audience,
                   @Parameter(description = "life-event theme code, e.g. BIRTH") @RequestParam(required = false) @Nullable String theme,
                   @Parameter(description = "page number, from 1; page × size reaches at most the first " + SearchQuery.MAX_RESULTS + " results")
                   @RequestParam(defaultValue = "1") int page,
                   @Parameter(description = "items a page, 1 to " + SearchQuery.MAX_SIZE) @RequestParam(defaultValue = "20") int size) {
        List<Violation> violations = new ArrayList<>(SearchQuery.violations(q, page, size));
        if (department != null && !department.isBlank() && departments.byCreditCode(department).isEmpty()) {
            violations.add(Violation.of("department", "department.unknown", "没有这个部门（统一社会信用代码 {0}）", department));
        }
        if (theme != null && !theme.isBlank() && catalog.themes().stream().noneMatch(t -> t.code().equals(theme))) {
            violations.add(Violation.of("theme", "item.theme.unknown", "没有这个主题：{0}", theme));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        SearchResult result = search.search(new SearchQuery(q, department, audience, theme, page, size));
        return new ItemPage(result.hits().stream().map(ApiSearchHit::of).toList(), result.total(), result.totalExact(),
                result.page(), result.size(), result.totalPages());
    }

    @GetMapping("/catalog/items/{code}")
    @Operation(summary = "The full guide of an item: the version in force today")
    ApiItem item(@PathVariable String code) {
        return ApiItem.of(catalog.guide(code), departments.allById());
    }

    @GetMapping("/catalog/themes")
    @Operation(summary = "Life-event themes (主题) for people and enterprises")
    List<ApiTheme> themes() {
        return catalog.themes().stream().map(ApiTheme::of).toList();
    }

    @GetMapping("/departments")
    @Operation(summary = "Departments that implement items")
    List<ApiDepartment> departments() {
        var byId = departments.allById();
        return departments.all().stream().map(d -> ApiDepartment.of(d, byId)).toList();
    }
}
