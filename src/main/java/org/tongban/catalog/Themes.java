package org.tongban.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Repository
class Themes {

    private final JdbcClient jdbc;

    Themes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Themes change only by import: kept until then (and for at most a minute, for other instances' imports). */
    List<Theme> findAll() {
        Cached current = cached;
        if (current == null || System.nanoTime() - current.loadedAt() > java.util.concurrent.TimeUnit.SECONDS.toNanos(60)) {
            current = new Cached(load(), System.nanoTime());
            cached = current;
        }
        return current.themes();
    }

    private record Cached(List<Theme> themes, long loadedAt) {
    }

    private volatile @org.jspecify.annotations.Nullable Cached cached;

    private List<Theme> load() {
        return jdbc.sql("SELECT * FROM catalog_theme ORDER BY sort_order, code")
                .query((rs, n) -> new Theme(rs.getString("code"), ItemContent.Audience.valueOf(rs.getString("audience")),
                        rs.getString("name"), rs.getString("name_en"), rs.getInt("sort_order")))
                .list();
    }

    Map<String, ItemContent.Audience> audiences() {
        return findAll().stream().collect(Collectors.toMap(Theme::code, Theme::audience));
    }

    /** @return true when the theme was new or changed */
    boolean upsert(Theme t) {
        cached = null;
        return jdbc.sql("""
                INSERT INTO catalog_theme (code, audience, name, name_en, sort_order) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET audience = EXCLUDED.audience, name = EXCLUDED.name,
                    name_en = EXCLUDED.name_en, sort_order = EXCLUDED.sort_order
                WHERE (catalog_theme.audience, catalog_theme.name, catalog_theme.name_en, catalog_theme.sort_order)
                    IS DISTINCT FROM (EXCLUDED.audience, EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.sort_order)""")
                .params(t.code(), t.audience().name(), t.name(), t.nameEn(), t.order()).update() > 0;
    }
}
