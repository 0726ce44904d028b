package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalog.CatalogManagement;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Violation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 草稿: an application saved half-filled and resumed later, by its applicant only: the answers and each material as
 * chosen so far (files already uploaded stay attached by their hash). Nothing is checked but the bounds, since a
 * draft may be incomplete; submitting it checks everything and discards the draft. An applicant keeps at most
 * {@value #MAX_DRAFTS}; saving one more is refused, naming the limit, rather than dropping one unasked.
 */
@Service
public class CaseDrafts {

    static final int MAX_DRAFTS = 20;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogManagement catalog;
    private final Clock clock;

    CaseDrafts(JdbcClient jdbc, JsonMapper json, CatalogManagement catalog, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A draft as its applicant sees it in their list. */
    public record DraftSummary(UUID id, String itemCode, String itemName, Instant savedAt) {
    }

    /** A draft's content: the form's answers and the materials as chosen so far. */
    public record Draft(UUID id, String itemCode, Map<String, String> form, List<SubmittedMaterial> materials,
                        Instant savedAt) {
    }

    /**
     * Saves the application as it stands: a new draft when {@code id} is {@code null}, else over the applicant's own
     * draft with that id.
     *
     * @return the draft's id
     */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional
    public UUID save(@Nullable UUID id, String itemCode, Map<String, String> form, List<SubmittedMaterial> materials) {
        UUID me = me();
        if (catalog.inForce(itemCode).isEmpty()) {
            throw new NotFound("此事项未发布或已取消，不能申请");
        }
        List<Violation> problems = CaseManagement.bounds(form, materials);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.from(clock.instant());
        String formJson = json.writeValueAsString(form);
        String materialsJson = json.writeValueAsString(materials);
        if (id != null) {
            int updated = jdbc.sql("""
                            UPDATE cases_draft SET form = ?::jsonb, materials = ?::jsonb, updated_at = ?
                            WHERE id = ? AND applicant_id = ? AND item_code = ?""")
                    .params(formJson, materialsJson, now, id, me, itemCode).update();
            if (updated == 1) {
                return id;
            }
        }
        // Serialised per applicant, so that two saves at once cannot both pass the limit.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("cases_draft:" + me).query(Object.class).single();
        long held = jdbc.sql("SELECT count(*) FROM cases_draft WHERE applicant_id = ?").param(me).query(Long.class).single();
        if (held >= MAX_DRAFTS) {
            throw new InvalidInputException(Violation.of("draft", "case.drafts-full",
                    "您已有 {0} 份草稿，请先提交或删除不需要的草稿", MAX_DRAFTS));
        }
        UUID created = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO cases_draft (id, applicant_id, item_code, form, materials, updated_at)
                        VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?)""")
                .params(created, me, itemCode, formJson, materialsJson, now).update();
        return created;
    }

    /** The applicant's drafts, last saved first. */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional(readOnly = true)
    public List<DraftSummary> mine() {
        return jdbc.sql("SELECT id, item_code, updated_at FROM cases_draft WHERE applicant_id = ? ORDER BY updated_at DESC LIMIT ?")
                .params(me(), MAX_DRAFTS)
                .query((rs, n) -> {
                    String code = rs.getString("item_code");
                    return new DraftSummary(rs.getObject("id", UUID.class), code,
                            catalog.inForce(code).map(v -> v.content().name()).orElse(code),
                            rs.getTimestamp("updated_at").toInstant());
                })
                .list();
    }

    /** One of the applicant's own drafts; another's answers "not found", as one that does not exist. */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional(readOnly = true)
    public Draft open(UUID id) {
        return jdbc.sql("SELECT item_code, form, materials, updated_at FROM cases_draft WHERE id = ? AND applicant_id = ?")
                .params(id, me())
                .query((rs, n) -> new Draft(id, rs.getString("item_code"),
                        json.readValue(rs.getString("form"), new TypeReference<Map<String, String>>() { }),
                        json.readValue(rs.getString("materials"), new TypeReference<List<SubmittedMaterial>>() { }),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional().orElseThrow(() -> new NotFound("没有找到这份草稿"));
    }

    /** Deletes one of the applicant's own drafts (nothing happens for another's). */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional
    public boolean discard(UUID id) {
        return jdbc.sql("DELETE FROM cases_draft WHERE id = ? AND applicant_id = ?").params(id, me()).update() == 1;
    }

    private static UUID me() {
        return CaseManagement.current().accountId();
    }
}
