package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.ApplicantTexts;
import org.tongban.shared.Paging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * 办件进度提醒: at each milestone the applicant hears of it, in the platform (their messages) and, where the account
 * has a mobile, by text message through {@link ApplicantTexts}. Each is an {@link ApplicationModuleListener} of a case
 * event in the event publication registry: a failure (the SMS gateway refusing) leaves the publication incomplete
 * to be delivered again, and the row per case event means a delivery again sends nothing twice once the first has
 * committed. A gateway that accepted a message whose transaction then failed may see it once more: at least once.
 * Staff hear of their deadlines from the inbox's colours and the {@link CaseDueSoon}/{@link CaseOverdue} events.
 */
@Service
public class CaseNotifications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final ApplicantTexts texts;
    private final DocumentsProperties documents;
    private final CasesProperties properties;
    private final Clock clock;

    CaseNotifications(JdbcClient jdbc, ApplicantTexts texts, DocumentsProperties documents,
                      CasesProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- the milestones ----

    @ApplicationModuleListener
    void on(CaseSubmitted e) {
        notify(e, "已收到您的申请，办件编号 " + e.ref().number().value() + "。我们将在" + day(e.acceptanceDue())
                + "前受理或告知需要补正的材料。");
    }

    @ApplicationModuleListener
    void on(CaseAccepted e) {
        notify(e, e.immediate() ? "已受理并当场办结。"
                : "已受理" + (e.promisedDue() == null ? "。" : "，承诺于" + day(e.promisedDue()) + "前办结。")
                + (e.deferred().isEmpty() ? "" : "请按期补交容缺材料：" + String.join("、",
                        e.deferred().stream().map(d -> d.name() + "（" + day(d.dueOn()) + "前）").toList()) + "。"));
    }

    @ApplicationModuleListener
    void on(CaseNotAccepted e) {
        notify(e, "不予受理。理由和救济途径见不予受理通知书（" + e.noticeNumber() + "）。");
    }

    @ApplicationModuleListener
    void on(CaseCorrectionRequested e) {
        notify(e, "需要补正 " + e.correction().items().size() + " 项材料，请登录查看补正告知书，一次补齐后提交；补正前不计办理时限。");
    }

    @ApplicationModuleListener
    void on(CaseSuspended e) {
        notify(e, "进入" + e.pause().procedure() + "，其间不计入办理时限。");
    }

    @ApplicationModuleListener
    void on(CaseResumed e) {
        notify(e, e.pause().procedure() + "已结束，恢复计时" + (e.promisedDue() == null ? "。"
                : "，承诺办结日期为" + day(e.promisedDue()) + "。"));
    }

    @ApplicationModuleListener
    void on(CaseExtended e) {
        notify(e, "经批准延长办理期限" + (e.promisedDue() == null ? "。" : "，将于" + day(e.promisedDue()) + "前办结。"));
    }

    @ApplicationModuleListener
    void on(CaseCompleted e) {
        String outcome = e.outcome() == Decision.Outcome.APPROVED ? "已办结，准予许可。" : "已办结，决定不予许可，理由和救济途径见决定书。";
        String delivery = switch (e.delivery()) {
            case ELECTRONIC -> "请登录下载结果。";
            case MAIL -> "结果将邮寄给您。";
            case PICK_UP -> "请到受理窗口领取结果。";
        };
        notify(e, outcome + (e.outcome() == Decision.Outcome.APPROVED ? delivery : ""));
    }

    @ApplicationModuleListener
    void on(CaseDeadlinesRecounted e) {
        LocalDate before = e.before().acceptanceDue() != null ? e.before().acceptanceDue() : e.before().promisedDue();
        LocalDate after = e.after().acceptanceDue() != null ? e.after().acceptanceDue() : e.after().promisedDue();
        if (after != null && !after.equals(before)) {
            notify(e, "的期限已按" + e.year() + "年节假日安排重新计算：" + (e.after().acceptanceDue() != null ? "受理期限" : "承诺办结日期")
                    + "为" + day(after) + "。");
        }
    }

    @ApplicationModuleListener
    void on(CaseRevoked e) {
        notify(e, "准予决定已依法撤销，理由见撤销决定。");
    }

    private void notify(CaseEvent e, String what) {
        // The name only: one column, not the whole case read and parsed for every notice.
        String item = jdbc.sql("SELECT item_name FROM cases_case WHERE id = ?").param(e.ref().id().value())
                .query(String.class).optional().orElse("办件");
        String text = "【" + documents.platform() + "】您申请的“" + item + "”" + what + "查询进度：" + documents.publicUrl()
                + "/progress";
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO cases_notification (id, applicant_id, case_number, event, occurred_at, text, texted)
                        VALUES (?, ?, ?, ?, ?, ?, FALSE) ON CONFLICT ON CONSTRAINT cases_notification_once DO NOTHING""")
                .params(id, e.ref().applicantId(), e.ref().number().value(), e.getClass().getSimpleName(),
                        Timestamp.from(e.at()), text)
                .update();
        if (inserted == 1 && properties.textMessages() && texts.send(e.ref().applicantId(), text)) {
            jdbc.sql("UPDATE cases_notification SET texted = TRUE WHERE id = ?").param(id).update();
        }
    }

    private static String day(@Nullable LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    // ---- the applicant's messages ----

    /** A notice as the applicant reads it. */
    public record Notification(CaseNumber caseNumber, String event, Instant at, String text, boolean texted,
                               boolean read) {
    }

    /** A page of the applicant's notices, newest first, with whether there are more. */
    public record Page(List<Notification> notifications, int page, boolean more) {
    }

    /** The signed-in applicant's notices, newest first; those shown are marked read. */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional
    public Page mine(int page, int size) {
        Paging.of(page, size, Paging.MAX_RESULTS);
        UUID me = me();
        List<Notification> found = jdbc.sql("""
                        SELECT case_number, event, occurred_at, text, texted, read_at FROM cases_notification
                        WHERE applicant_id = ? ORDER BY occurred_at DESC, id LIMIT ? OFFSET ?""")
                .params(me, size + 1, (long) (page - 1) * size)
                .query((rs, n) -> new Notification(CaseNumber.parse(rs.getString("case_number")), rs.getString("event"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("text"), rs.getBoolean("texted"),
                        rs.getTimestamp("read_at") != null))
                .list();
        boolean more = found.size() > size;
        List<Notification> shown = more ? found.subList(0, size) : found;
        if (!shown.isEmpty()) {
            jdbc.sql("UPDATE cases_notification SET read_at = ? WHERE applicant_id = ? AND read_at IS NULL AND occurred_at >= ?")
                    .params(Timestamp.from(clock.instant()), me, Timestamp.from(shown.getLast().at()))
                    .update();
        }
        return new Page(List.copyOf(shown), page, more);
    }

    /** How many of the signed-in applicant's notices are unread (at most 100 counted). */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional(readOnly = true)
    public int unread() {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM cases_notification WHERE applicant_id = ? AND read_at IS NULL LIMIT 100) u")
                .param(me()).query(Integer.class).single();
    }

    private static UUID me() {
        return CaseManagement.current().accountId();
    }
}
