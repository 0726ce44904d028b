package org.tongban.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ItemContent.Audience;
import org.tongban.catalog.ItemContent.OnlineDepth;
import org.tongban.catalog.SearchHit;

import java.util.List;

/** An item in a page of search results, as the public API publishes it (the search's own hit can change). */
@Schema(name = "SearchHit", description = "检索结果 an item in force found by a search: enough to choose it; "
        + "its full guide is at /api/v1/catalog/items/{code}")
record ApiSearchHit(
        @Schema(description = "实施编码 implementation code", example = "11377000HC000025110129990010010") String code,
        @Schema(description = "事项名称 name", example = "出生医学证明签发") String name,
        @Schema(description = "实施主体 implementing department's unified social credit code") String departmentCreditCode,
        @Schema(description = "实施主体名称 implementing department's name") String departmentName,
        @Schema(description = "事项说明 plain-language summary") String summary,
        @Schema(description = "网上办理深度 online depth") @Nullable OnlineDepth onlineDepth,
        @Schema(description = "到办事现场次数 visits to a counter required") @Nullable Integer visits,
        @Schema(description = "承诺办结时限 promised time limit") ApiItemContent.@Nullable TimeLimit committedLimit,
        @Schema(description = "服务对象 audiences") List<Audience> audiences,
        @Schema(description = "主题 life-event theme codes") List<String> themes) {

    static ApiSearchHit of(SearchHit h) {
        return new ApiSearchHit(h.code(), h.name(), h.departmentCreditCode(), h.departmentName(), h.summary(),
                h.onlineDepth(), h.visits(), ApiItemContent.TimeLimit.of(h.committedLimit()), h.audiences(),
                h.themes());
    }
}
