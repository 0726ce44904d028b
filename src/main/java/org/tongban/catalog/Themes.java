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

    List<Theme> findAll() {
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
        return jdbc.sql("""
                INSERT INTO catalog_theme (code, audience, name, name_en, sort_order) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET audience = EXCLUDED.audience, name = EXCLUDED.name,
                    name_en = EXCLUDED.name_en, sort_order = EXCLUDED.sort_order
                WHERE (catalog_theme.audience, catalog_theme.name, catalog_theme.name_en, catalog_theme.sort_order)
                    IS DISTINCT FROM (EXCLUDED.audience, EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.sort_order)""")
                .params(t.code(), t.audience().name(), t.name(), t.nameEn(), t.order()).update() > 0;
    }
}
