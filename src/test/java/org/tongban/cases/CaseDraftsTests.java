package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.TestApplicants;
import org.tongban.identity.CounterRegistration;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/** 草稿: saved half-filled, resumed, overwritten, discarded, by its applicant only, at most 20 each. */
@TongbanTest
class CaseDraftsTests {

    static final String CITIZEN = "13800000002";

    @Autowired CaseDrafts drafts;
    @Autowired CatalogManagement catalog;
    @Autowired AccountManagement accounts;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String item;

    @BeforeEach
    void publish() {
        clock.dayAt10("2026-09-28");
        item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void aDraftIsSavedResumedOverwrittenAndDiscardedByItsApplicantOnly() {
        List<SubmittedMaterial> half = List.of(new SubmittedMaterial(CaseTestItems.FORM, Provision.FILE, "a".repeat(64), "申请书.pdf"),
                new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, Provision.DEFERRED, null, null));
        UUID id = signedIn.as(CITIZEN, () -> drafts.save(null, item, Map.of("contact", "李小"), half));

        CaseDrafts.Draft opened = signedIn.as(CITIZEN, () -> drafts.open(id));
        assertThat(opened.itemCode()).isEqualTo(item);
        assertThat(opened.form()).containsEntry("contact", "李小");
        assertThat(opened.materials()).isEqualTo(half);
        assertThat(signedIn.as(CITIZEN, () -> drafts.mine())).extracting(CaseDrafts.DraftSummary::id).contains(id);

        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(signedIn.as(CITIZEN, () -> drafts.save(id, item, Map.of("contact", "李小满"), half))).isEqualTo(id);
        assertThat(signedIn.as(CITIZEN, () -> drafts.open(id)).form()).containsEntry("contact", "李小满");

        // Another applicant neither reads nor deletes it; staff have no drafts at all.
        assertThatThrownBy(() -> signedIn.as("13800000001", () -> drafts.open(id))).isInstanceOf(NotFound.class);
        assertThat(signedIn.as("13800000001", () -> drafts.discard(id))).isFalse();
        assertThat(signedIn.as("13800000001", () -> drafts.save(id, item, Map.of(), List.of()))).isNotEqualTo(id);
        assertThat(signedIn.as(CITIZEN, () -> drafts.open(id)).form()).containsEntry("contact", "李小满");
        assertThatThrownBy(() -> signedIn.as("reviewer.scj", () -> drafts.mine())).isInstanceOf(AccessDeniedException.class);

        assertThat(signedIn.as(CITIZEN, () -> drafts.discard(id))).isTrue();
        assertThatThrownBy(() -> signedIn.as(CITIZEN, () -> drafts.open(id))).isInstanceOf(NotFound.class);
    }

    @Test
    void anOverlongAnswerIsNamedAndTheTwentyFirstDraftIsRefused() {
        assertThatThrownBy(() -> signedIn.as(CITIZEN, () -> drafts.save(null, item, Map.of("contact", "长".repeat(2001)),
                List.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("form.contact"));

        int n = TestApplicants.next();
        String mobile = TestApplicants.mobile(n);
        signedIn.as("clerk", () -> accounts.registerAtCounter(new CounterRegistration(false, TestApplicants.idNumber(n),
                "草稿" + n, mobile, null, null, true)));
        for (int i = 0; i < CaseDrafts.MAX_DRAFTS; i++) {
            signedIn.as(mobile, () -> drafts.save(null, item, Map.of(), List.of()));
        }
        assertThatThrownBy(() -> signedIn.as(mobile, () -> drafts.save(null, item, Map.of(), List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.code()).containsExactly("case.drafts-full"));
        assertThat(signedIn.as(mobile, () -> drafts.mine())).hasSize(CaseDrafts.MAX_DRAFTS);
    }

    @Test
    void twoDraftsSavedAtOnceWhenOneMoreFitsAreNotBothKept() throws Exception {
        int n = TestApplicants.next();
        String mobile = TestApplicants.mobile(n);
        signedIn.as("clerk", () -> accounts.registerAtCounter(new CounterRegistration(false, TestApplicants.idNumber(n),
                "并发" + n, mobile, null, null, true)));
        for (int i = 0; i < CaseDrafts.MAX_DRAFTS - 1; i++) {
            signedIn.as(mobile, () -> drafts.save(null, item, Map.of(), List.of()));
        }
        // Several rounds, each with the applicant one short of the limit and two saves released together.
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<UUID>> saves = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    saves.add(two.submit(() -> {
                        start.await();
                        return signedIn.as(mobile, () -> drafts.save(null, item, Map.of(), List.of()));
                    }));
                }
                start.countDown();
                List<UUID> kept = new ArrayList<>();
                List<Throwable> refused = new ArrayList<>();
                for (Future<UUID> f : saves) {
                    try {
                        kept.add(f.get(30, TimeUnit.SECONDS));
                    }
                    catch (ExecutionException e) {
                        refused.add(e.getCause());
                    }
                }
                assertThat(kept).as("round %d", round).hasSize(1);
                assertThat(refused).singleElement().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.code()).containsExactly("case.drafts-full"));
                // Counted in the table: the list of drafts shows at most the limit whatever is stored.
                assertThat(jdbc.sql("SELECT count(*) FROM cases_draft WHERE item_code = ?").param(item)
                        .query(Long.class).single()).as("round %d", round).isEqualTo(CaseDrafts.MAX_DRAFTS);
                assertThat(signedIn.as(mobile, () -> drafts.discard(kept.getFirst()))).isTrue();
            }
        }
        finally {
            two.shutdownNow();
        }
    }
}
