package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccountRequest;
import org.tongban.shared.InvalidInputException;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TongbanTest
class CatalogReviewTests {


    @Autowired
    CatalogManagement catalog;
    @Autowired
    CatalogSearch search;
    @Autowired
    SignedIn signedIn;
    @Autowired
    AccountManagement accounts;
    @Autowired
    Clock clock;

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void anItemIsPublicOnlyAfterLegalReview() {
        ItemContent item = TestItems.valid("海港夜市摊位临时经营许可", "1001");
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(item.implementationCode(), today()));
        assertThat(catalog.inForce(item.implementationCode())).isEmpty();
        assertThat(search.search(SearchQuery.text("海港夜市摊位临时经营许可")).hits())
                .extracting(SearchHit::code).doesNotContain(item.implementationCode());

        ItemVersion published = signedIn.as("legal", () -> catalog.publish(item.implementationCode(), "合法"));

        assertThat(published.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(published.reviewedBy()).isEqualTo("legal");
        assertThat(catalog.inForce(item.implementationCode())).get().extracting(v -> v.content().name())
                .isEqualTo("海港夜市摊位临时经营许可");
        // The index follows the publication just after its commit, in a listener of its own.
        await().untilAsserted(() -> assertThat(search.search(SearchQuery.text("海港夜市摊位临时经营许可")).hits()
                .getFirst().code()).isEqualTo(item.implementationCode()));
    }

    @Test
    void anEffectiveDateInThePastIsRefusedBesideItsFieldAndTheDraftStaysADraft() {
        ItemContent item = TestItems.valid("海岛民宿临时接待登记", "1020");
        signedIn.as("catalog", () -> catalog.createItem(item));
        assertThatThrownBy(() -> signedIn.as("catalog",
                () -> catalog.submitForReview(item.implementationCode(), today().minusDays(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("effectiveFrom");
                            assertThat(v.defaultMessage()).isEqualTo("生效日期不能早于今天");
                        }));
        assertThat(signedIn.as("catalog", () -> catalog.version(item.implementationCode(), 1))).get()
                .extracting(ItemVersion::status).isEqualTo(VersionStatus.DRAFT);
    }

    @Test
    void reasonsWithMarkupAreRefusedAndTheVersionStaysAwaitingReview() {
        ItemContent item = TestItems.valid("海岸线临时占用备案", "1022");
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(item.implementationCode(), today()));
        assertThatThrownBy(() -> signedIn.as("legal", () -> catalog.returnForChanges(item.implementationCode(),
                "请补充依据<script>alert(1)</script>")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.code()).containsExactly("reasons:markup"));
        assertThatThrownBy(() -> signedIn.as("legal", () -> catalog.publish(item.implementationCode(), "好".repeat(2001))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.code()).containsExactly("comment:too-long"));
        assertThat(signedIn.as("catalog", () -> catalog.version(item.implementationCode(), 1))).get()
                .extracting(ItemVersion::status).isEqualTo(VersionStatus.SUBMITTED);
    }

    private ItemContent published(String name, String fourDigits) {
        ItemContent item = TestItems.valid(name, fourDigits);
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(item.implementationCode(), today()));
        signedIn.as("legal", () -> catalog.publish(item.implementationCode(), null));
        return item;
    }

    @Test
    void aWithdrawalReviewedAndPublishedTakesTheItemOutOfSearchAndItsGuideSaysWhy() {
        String code = published("海滨浴场临时摊位许可", "1023").implementationCode();
        await().untilAsserted(() -> assertThat(search.search(SearchQuery.text("海滨浴场临时摊位许可")).hits())
                .extracting(SearchHit::code).contains(code));

        ItemVersion request = signedIn.as("catalog", () -> catalog.requestWithdrawal(code, "根据市政府决定，此事项取消。"));
        assertThat(request.withdrawal()).isTrue();
        assertThat(catalog.inForce(code)).as("nothing changes before review").isPresent();
        signedIn.as("catalog", () -> catalog.submitForReview(code, today()));
        signedIn.as("legal", () -> catalog.publish(code, "同意取消"));

        assertThat(catalog.inForce(code)).isEmpty();
        await().untilAsserted(() -> assertThat(search.search(SearchQuery.text("海滨浴场临时摊位许可")).hits())
                .extracting(SearchHit::code).doesNotContain(code));
        assertThatThrownBy(() -> catalog.guide(code)).isInstanceOfSatisfying(ItemWithdrawn.class, e -> {
            assertThat(e.name()).isEqualTo("海滨浴场临时摊位许可");
            assertThat(e.withdrawnFrom()).isEqualTo(today());
            assertThat(e.reason()).isEqualTo("根据市政府决定，此事项取消。");
        });

        // Set up again: a new version of the withdrawn content, reviewed and published.
        ItemVersion again = signedIn.as("catalog", () -> catalog.openDraft(code));
        assertThat(again.withdrawal()).isFalse();
        signedIn.as("catalog", () -> catalog.submitForReview(code, today()));
        signedIn.as("legal", () -> catalog.publish(code, null));
        assertThat(catalog.inForce(code)).get().extracting(ItemVersion::versionNo).isEqualTo(3);
        await().untilAsserted(() -> assertThat(search.search(SearchQuery.text("海滨浴场临时摊位许可")).hits())
                .extracting(SearchHit::code).contains(code));
    }

    @Test
    void aWithdrawalNeedsAReasonCannotBeEditedAndCanBeGivenUp() {
        String code = published("海滨步道临时活动备案", "1024").implementationCode();
        assertThatThrownBy(() -> signedIn.as("catalog", () -> catalog.requestWithdrawal(code, " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.code()).containsExactly("reason:required"));

        signedIn.as("catalog", () -> catalog.requestWithdrawal(code, "职能调整，不再实施。"));
        assertThatThrownBy(() -> signedIn.as("catalog", () -> catalog.requestWithdrawal(code, "再次申请")))
                .isInstanceOfSatisfying(VersionTransitionRefused.class,
                        e -> assertThat(e.code()).isEqualTo("version.open-exists"));
        assertThatThrownBy(() -> signedIn.as("catalog", () -> catalog.updateDraft(code,
                TestItems.valid("改过的名字", "1024"), null)))
                .isInstanceOfSatisfying(VersionTransitionRefused.class,
                        e -> assertThat(e.code()).isEqualTo("version.withdrawal-not-editable"));

        signedIn.as("catalog", () -> catalog.discardOpenVersion(code));
        assertThat(signedIn.as("catalog", () -> catalog.history(code))).hasSize(1);
        assertThat(catalog.inForce(code)).isPresent();
    }

    @Test
    void theOnlyDraftOfANewItemCannotBeGivenUp() {
        ItemContent item = TestItems.valid("海岛露营地临时开放备案", "1025");
        signedIn.as("catalog", () -> catalog.createItem(item));
        assertThatThrownBy(() -> signedIn.as("catalog", () -> catalog.discardOpenVersion(item.implementationCode())))
                .isInstanceOf(VersionTransitionRefused.class);
        assertThat(signedIn.as("catalog", () -> catalog.history(item.implementationCode()))).hasSize(1);
    }

    @Test
    void aCatalogueAdministratorCannotPublish() {
        ItemContent item = TestItems.valid("渔船临时停泊备案", "1002");
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(item.implementationCode(), today()));
        assertThatThrownBy(() -> signedIn.as("catalog", () -> catalog.publish(item.implementationCode(), null)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(catalog.inForce(item.implementationCode())).isEmpty();
    }

    /**
     * An account holding both roles, so that the role checks let every call through and only the rule on authorship
     * can refuse (an author without the reviewer role would be refused by {@code @PreAuthorize} first).
     */
    private String authorAndReviewer(String username) {
        signedIn.as("admin", () -> accounts.createStaff(new StaffAccountRequest(username, "目录管理兼法制审核 " + username,
                "tongban2026", null, Set.of(Role.CATALOGUE_ADMIN, Role.LEGAL_REVIEWER))));
        return username;
    }

    @Test
    void nobodyReviewsTheirOwnVersionEvenWithBothRoles() {
        String both = authorAndReviewer("catalog.legal");
        ItemContent item = TestItems.valid("海滩烧烤区使用登记", "1003");
        signedIn.as(both, () -> catalog.createItem(item));
        signedIn.as(both, () -> catalog.submitForReview(item.implementationCode(), today()));

        assertThatThrownBy(() -> signedIn.as(both, () -> catalog.publish(item.implementationCode(), "合法")))
                .isInstanceOfSatisfying(VersionTransitionRefused.class,
                        e -> assertThat(e.code()).isEqualTo("version.own-review"));
        assertThatThrownBy(() -> signedIn.as(both, () -> catalog.returnForChanges(item.implementationCode(), "请补充")))
                .isInstanceOfSatisfying(VersionTransitionRefused.class,
                        e -> assertThat(e.code()).isEqualTo("version.own-review"));
        assertThat(signedIn.as(both, () -> catalog.version(item.implementationCode(), 1))).get()
                .extracting(ItemVersion::status).isEqualTo(VersionStatus.SUBMITTED);
        assertThat(catalog.inForce(item.implementationCode())).isEmpty();
        // Another reviewer may.
        assertThat(signedIn.as("legal", () -> catalog.publish(item.implementationCode(), null)).status())
                .isEqualTo(VersionStatus.PUBLISHED);
    }

    @Test
    void writingOrSubmittingAVersionEachMakesItYourOwn() {
        String both = authorAndReviewer("catalog.legal2");
        ItemContent written = TestItems.valid("海滩淋浴间设置备案", "1012");
        signedIn.as(both, () -> catalog.createItem(written));
        signedIn.as("catalog", () -> catalog.submitForReview(written.implementationCode(), today()));
        assertThatThrownBy(() -> signedIn.as(both, () -> catalog.publish(written.implementationCode(), null)))
                .isInstanceOfSatisfying(VersionTransitionRefused.class,
                        e -> assertThat(e.code()).isEqualTo("version.own-review"));

        ItemContent submitted = TestItems.valid("海滩排球场使用登记", "1010");
        signedIn.as("catalog", () -> catalog.createItem(submitted));
        signedIn.as(both, () -> catalog.submitForReview(submitted.implementationCode(), today()));
        assertThatThrownBy(() -> signedIn.as(both, () -> catalog.publish(submitted.implementationCode(), null)))
                .isInstanceOfSatisfying(VersionTransitionRefused.class,
                        e -> assertThat(e.code()).isEqualTo("version.own-review"));

        // What the account neither wrote nor submitted, it reviews like any reviewer.
        ItemContent others = TestItems.valid("海滩救生站设置备案", "1011");
        signedIn.as("catalog", () -> catalog.createItem(others));
        signedIn.as("catalog", () -> catalog.submitForReview(others.implementationCode(), today()));
        assertThat(signedIn.as(both, () -> catalog.publish(others.implementationCode(), null)).reviewedBy())
                .isEqualTo(both);
    }

    @Test
    void aReturnedVersionIsEditedAndResubmitted() {
        ItemContent item = TestItems.valid("港口引航申请", "1004");
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(item.implementationCode(), today()));
        ItemVersion returned = signedIn.as("legal", () -> catalog.returnForChanges(item.implementationCode(),
                "设定依据应写明条款"));
        assertThat(returned.status()).isEqualTo(VersionStatus.RETURNED);
        assertThat(returned.reviewComment()).isEqualTo("设定依据应写明条款");
        assertThatThrownBy(() -> signedIn.as("legal", () -> catalog.publish(item.implementationCode(), null)))
                .isInstanceOf(VersionTransitionRefused.class);

        ItemContent fixed = TestItems.valid("港口引航申请", "1004");
        signedIn.as("catalog", () -> catalog.updateDraft(item.implementationCode(), fixed, "补充条款"));
        signedIn.as("catalog", () -> catalog.submitForReview(item.implementationCode(), today()));
        assertThat(signedIn.as("legal", () -> catalog.publish(item.implementationCode(), null)).versionNo()).isEqualTo(1);
    }

    @Test
    void aNewVersionSupersedesTheOldOneFromItsDateAndTheHistoryShowsWhatChanged() {
        ItemContent v1 = TestItems.valid("游艇俱乐部经营备案", "1005");
        signedIn.as("catalog", () -> catalog.createItem(v1));
        signedIn.as("catalog", () -> catalog.submitForReview(v1.implementationCode(), today()));
        signedIn.as("legal", () -> catalog.publish(v1.implementationCode(), null));

        signedIn.as("catalog", () -> catalog.openDraft(v1.implementationCode()));
        ItemContent v2 = TestItems.valid("游艇俱乐部经营备案（新）", "1005");
        signedIn.as("catalog", () -> catalog.updateDraft(v1.implementationCode(), v2, "改名"));
        signedIn.as("catalog", () -> catalog.submitForReview(v1.implementationCode(), today().plusDays(10)));
        signedIn.as("legal", () -> catalog.publish(v1.implementationCode(), null));

        assertThat(catalog.inForce(v1.implementationCode())).get().extracting(ItemVersion::versionNo).isEqualTo(1);
        assertThat(signedIn.as("legal", () -> catalog.changes(v1.implementationCode(), 1, 2)))
                .containsExactly(new ContentChange("name", "游艇俱乐部经营备案", "游艇俱乐部经营备案（新）"));
    }

    @Test
    void aDepartmentAdministratorWorksOnlyOnItsOwnDepartment() {
        ItemContent item = TestItems.valid("海域使用权临时登记", "1006");
        signedIn.as("catalog.scj", () -> catalog.createItem(item)); // 市市场监管局's own item: allowed
        ItemContent otherDepartment = TestItems.with(item, "basicCode", "012999001007",
                "implementationCode", "11377000HC0000155P0129990010070", "name", "航道临时占用许可",
                "departmentCreditCode", "11377000HC0000155P");
        assertThatThrownBy(() -> signedIn.as("catalog.scj", () -> catalog.createItem(otherDepartment)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDepartmentAdministratorReadsNoOtherDepartmentsDraftsHistoryOrComparisons() {
        ItemContent other = TestItems.with(TestItems.valid("航道临时占用备案", "1016"), "basicCode", "012999001016",
                "implementationCode", "11377000HC0000155P0129990010160", "departmentCreditCode", "11377000HC0000155P");
        String code = other.implementationCode();
        signedIn.as("catalog", () -> catalog.createItem(other)); // city-wide administrator
        signedIn.as("catalog", () -> catalog.submitForReview(code, today().plusDays(10)));

        assertThatThrownBy(() -> signedIn.as("catalog.scj", () -> catalog.history(code)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("catalog.scj", () -> catalog.version(code, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("catalog.scj", () -> catalog.changes(code, 1, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(signedIn.as("catalog.scj", () -> catalog.awaitingReview()))
                .extracting(ItemVersion::itemCode).doesNotContain(code);

        assertThat(signedIn.as("catalog", () -> catalog.history(code))).hasSize(1);
        assertThat(signedIn.as("legal", () -> catalog.version(code, 1))).isPresent();
        assertThat(signedIn.as("legal", () -> catalog.awaitingReview())).extracting(ItemVersion::itemCode).contains(code);
    }

    @Test
    void anInvalidItemIsRefusedAndNothingIsStored() {
        ItemContent item = TestItems.valid("<b>加粗</b>许可", "1008");
        assertThatThrownBy(() -> signedIn.as("catalog", () -> catalog.createItem(item)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("name"));
        assertThat(signedIn.as("catalog", () -> catalog.history(item.implementationCode()))).isEmpty();
    }

    @Test
    void citizensCannotWriteTheCatalogue() {
        assertThatThrownBy(() -> signedIn.as("13800000001", () -> catalog.createItem(TestItems.valid("x", "1009"))))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
