package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** One item in a result list: enough to choose it without opening the guide. */
public record SearchHit(String code, String name, String departmentCreditCode, String departmentName,
                        String summary, ItemContent.@Nullable OnlineDepth onlineDepth, @Nullable Integer visits,
                        ItemContent.@Nullable TimeLimit committedLimit, List<ItemContent.Audience> audiences,
                        List<String> themes) {
}
