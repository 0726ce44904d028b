package org.tongban.catalog.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.catalog.ApprovalCondition;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.FormField;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.TestItems;
import org.tongban.support.Browser;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The application form, the 秒批 rule, a commitment and an extension are written in the item editor with scripts
 * switched off: fields are added, edited, moved and removed by the form's own buttons, and what is saved is what
 * was typed. The editor with its new sections passes axe-core on a phone.
 */
@TongbanTest
class ApplicationFormEditorBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    SignedIn signedIn;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page) {
        page.navigate(url("/login"));
        page.getByLabel("账号").fill("catalog");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("tongban2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(url("/staff"));
    }

    private static Locator byId(Page page, String id) {
        return page.locator("[id='" + id + "']");
    }

    private static void save(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
    }

    private ItemContent draft(String code) {
        return signedIn.as("catalog", () -> catalog.history(code)).getFirst().content();
    }

    @Test
    void formFieldsAreAddedEditedMovedAndRemovedWithoutJavaScript() {
        ItemContent item = TestItems.valid("港口加油站经营许可", "1031");
        String code = item.implementationCode();
        signedIn.as("catalog", () -> catalog.createItem(item));
        Page page = browser.openWithoutJavaScript(1280);
        signIn(page);
        page.navigate(url("/admin/catalogue/" + code + "/edit"));

        // Add two fields, one required only when the other is answered yes.
        page.locator("#applicationForm button[name=addRow]").click();
        byId(page, "applicationForm.fields0.label").fill("是否委托他人办理");
        byId(page, "applicationForm.fields0.key").fill("byAgent");
        byId(page, "applicationForm.fields0.type").selectOption("YES_NO");
        byId(page, "applicationForm.fields0.required").check();
        page.locator("#applicationForm button[name=addRow]").click();
        assertThat(byId(page, "applicationForm.fields0.label")).hasValue("是否委托他人办理");
        byId(page, "applicationForm.fields1.label").fill("受托人姓名");
        byId(page, "applicationForm.fields1.key").fill("agentName");
        byId(page, "applicationForm.fields1.requiredWhen.field").fill("byAgent");
        byId(page, "applicationForm.fields1.requiredWhen.value").fill("true");
        byId(page, "applicationForm.fields1.maxLength").fill("50");
        // A 秒批 condition on the first field, a commitment for a material, an extension of 10 working days.
        page.locator("#instantApproval button[name=addRow]").click();
        byId(page, "instantApproval.conditions0.field").selectOption("byAgent");
        byId(page, "instantApproval.conditions0.operator").selectOption("EQUALS");
        byId(page, "instantApproval.conditions0.value").fill("false");
        byId(page, "instantApproval.conditions0.explanation").fill("申请人本人办理");
        byId(page, "materials0.commitmentAllowed").check();
        byId(page, "extension.value").fill("10");
        save(page);
        assertThat(page.locator("h1")).containsText("港口加油站经营许可");

        ItemContent saved = draft(code);
        org.assertj.core.api.Assertions.assertThat(saved.applicationForm().fields())
                .extracting(FormField::key, FormField::type, FormField::required, FormField::requiredWhen)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("byAgent", FormField.Type.YES_NO, true, null),
                        org.assertj.core.groups.Tuple.tuple("agentName", FormField.Type.TEXT, false,
                                new FormField.RequiredWhen("byAgent", "true")));
        org.assertj.core.api.Assertions.assertThat(saved.instantApproval().conditions()).containsExactly(
                new ApprovalCondition("byAgent", ApprovalCondition.Operator.EQUALS, "false", "申请人本人办理"));
        org.assertj.core.api.Assertions.assertThat(saved.materials().getFirst().commitmentAllowed()).isTrue();
        org.assertj.core.api.Assertions.assertThat(saved.extension())
                .isEqualTo(new ItemContent.TimeLimit(10, ItemContent.LimitUnit.WORKING_DAYS));

        // A key that is not an identifier is refused beside the field, and nothing else is lost.
        page.navigate(url("/admin/catalogue/" + code + "/edit"));
        byId(page, "applicationForm.fields1.key").fill("Agent Name");
        save(page);
        assertThat(page.locator("[id='applicationForm.fields1.key-error']")).containsText("标识应以小写英文字母开头");
        assertThat(page.locator(".error-summary")).containsText("标识应以小写英文字母开头");
        assertThat(byId(page, "applicationForm.fields1.label")).hasValue("受托人姓名");

        // Edit a label, move the second field to the top, save; then remove it.
        byId(page, "applicationForm.fields1.key").fill("agentName");
        byId(page, "applicationForm.fields1.label").fill("受托人（代办人）姓名");
        page.locator("#applicationForm button[name=moveRowUp][value='formFields:1']").click();
        assertThat(byId(page, "applicationForm.fields0.label")).hasValue("受托人（代办人）姓名");
        save(page);
        org.assertj.core.api.Assertions.assertThat(draft(code).applicationForm().fields())
                .extracting(FormField::key, FormField::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("agentName", "受托人（代办人）姓名"),
                        org.assertj.core.groups.Tuple.tuple("byAgent", "是否委托他人办理"));

        page.navigate(url("/admin/catalogue/" + code + "/edit"));
        page.locator("#applicationForm button[name=removeRow][value='formFields:0']").click();
        assertThat(byId(page, "applicationForm.fields0.key")).hasValue("byAgent");
        save(page);
        org.assertj.core.api.Assertions.assertThat(draft(code).applicationForm().fields()).extracting(FormField::key)
                .containsExactly("byAgent");
    }

    @Test
    void theEditorWithAFormAndARulePassesAccessibilityChecksOnAPhone() {
        ItemContent item = TestItems.with(TestItems.valid("港口船舶供油作业许可", "1032"), "applicationForm",
                org.tongban.catalog.ApplicationForm.of(FormField.of("applicantName", "申请人姓名", FormField.Type.TEXT, true)),
                "instantApproval", org.tongban.catalog.InstantApproval.of(new ApprovalCondition("verified.idNumber",
                        ApprovalCondition.Operator.AGE_AT_LEAST, "18", "申请人年满18周岁")));
        String code = item.implementationCode();
        signedIn.as("catalog", () -> catalog.createItem(item));
        Page phone = browser.open(390);
        signIn(phone);
        phone.navigate(url("/admin/catalogue/" + code + "/edit"));
        assertThat(byId(phone, "applicationForm.fields0.key")).hasValue("applicantName");
        assertThat(byId(phone, "instantApproval.conditions0.field")).hasValue("verified.idNumber");
        Browser.assertNoAxeViolations(phone);
        Browser.assertNoHorizontalScroll(phone);
    }
}
