package org.tongban.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tongban.catalog.ItemContent.Audience;
import org.tongban.catalog.Theme;

/** A life-event theme as the public API publishes it. */
@Schema(name = "Theme", description = "主题 a life-event theme under which people look for services (出生, 退休, 开办 …)")
record ApiTheme(
        @Schema(description = "主题编码 code", example = "BIRTH") String code,
        @Schema(description = "服务对象 the audience it is for") Audience audience,
        @Schema(description = "名称 name", example = "出生") String name,
        @Schema(description = "English name", example = "Having a baby") String nameEn,
        @Schema(description = "显示顺序 display order, from 1") int order) {

    static ApiTheme of(Theme t) {
        return new ApiTheme(t.code(), t.audience(), t.name(), t.nameEn(), t.order());
    }
}
