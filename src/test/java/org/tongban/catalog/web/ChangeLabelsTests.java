package org.tongban.catalog.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.tongban.catalog.ContentChange;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.Theme;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the comparison of two versions calls each changed field and value. */
class ChangeLabelsTests {

    private final ChangeLabels labels = new ChangeLabels(messages(), () -> List.of(
            new Theme("START_UP", ItemContent.Audience.ORGANISATION, "开办", "Starting a business", 1)));

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages", "i18n/identity", "i18n/catalog");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void fieldsAreNamedAsOnTheItemForm() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(labels.label("name")).isEqualTo("事项名称");
        assertThat(labels.label("materials[2].requirement")).isEqualTo("材料 3 · 材料必要性");
        assertThat(labels.label("steps[0].limit.value")).isEqualTo("环节 1 · 环节时限 · 天数");
        assertThat(labels.label("committedLimit.unit")).isEqualTo("承诺办结时限 · 单位");
        assertThat(labels.label("specialProcedures[1].note")).isEqualTo("特别程序 2 · 说明");
        assertThat(labels.label("fees[0].waiverBasis")).isEqualTo("收费项目 1 · 减免依据");
        assertThat(labels.label("materials[0].blankForm.fileName")).isEqualTo("材料 1 · 空白表格 · 文件名");
        assertThat(labels.label("aliases[3]")).isEqualTo("别名");
        // A path the form does not know stays as it is rather than being guessed.
        assertThat(labels.label("somethingNew.inside")).isEqualTo("somethingNew.inside");
    }

    @Test
    void choicesAndYesOrNoAreShownInWords() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        List<ChangeLabels.Row> rows = labels.rows(List.of(
                new ContentChange("materials[0].requirement", "REQUIRED", "CONDITIONAL"),
                new ContentChange("materials[0].form", "PAPER", null),
                new ContentChange("fees[0].waivable", "false", "true"),
                new ContentChange("statutoryLimit.unit", "NATURAL_DAYS", "WORKING_DAYS"),
                new ContentChange("summary", "旧的说明", "新的说明"),
                new ContentChange("themes[0]", null, "START_UP")));
        assertThat(rows).extracting(ChangeLabels.Row::before)
                .containsExactly("必须提交", "纸质", "否", "个自然日", "旧的说明", null);
        assertThat(rows).extracting(ChangeLabels.Row::after)
                .containsExactly("特定情形提交", null, "是", "个工作日", "新的说明", "开办");
        assertThat(rows).extracting(ChangeLabels.Row::field).first().isEqualTo("materials[0].requirement");
    }

    @Test
    void inEnglishToo() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.label("materials[2].requirement")).doesNotContainPattern("\\p{IsHan}").contains("3");
        assertThat(labels.rows(List.of(new ContentChange("powerSource", "STATUTORY", "ENTRUSTED_BY_HIGHER"))))
                .extracting(ChangeLabels.Row::after).containsExactly("Entrusted by a higher level");
    }

    @Test
    void whatApplyingNeedsIsNamedAsOnTheFormToo() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(labels.label("applicationForm.fields[applicantName].label")).isEqualTo("申请表 · 填写项 applicantName · 问题");
        assertThat(labels.label("applicationForm.fields[agentName].requiredWhen.value"))
                .isEqualTo("申请表 · 填写项 agentName · 条件必填 · 等于");
        assertThat(labels.label("applicationForm.fields[sex].options[1].label"))
                .isEqualTo("申请表 · 填写项 sex · 选项 2 · 名称");
        assertThat(labels.label("applicationForm.fields")).isEqualTo("申请表 · 各项及顺序");
        assertThat(labels.label("instantApproval.conditions[0].value")).isEqualTo("秒批 · 条件 1 · 值");
        assertThat(labels.label("extension.value")).isEqualTo("延长审批 · 天数");
        assertThat(labels.label("materials[1].commitmentAllowed"))
                .isEqualTo("材料 2 · 可告知承诺（申请人签署承诺书代替此材料，事后核查）");
        // A key where a place belongs is not guessed at.
        assertThat(labels.label("materials[name].note")).isEqualTo("materials[name].note");

        List<ChangeLabels.Row> rows = labels.rows(List.of(
                new ContentChange("applicationForm.fields[babySex].type", "TEXT", "CHOICE"),
                new ContentChange("instantApproval.conditions[0].operator", null, "AGE_AT_LEAST"),
                new ContentChange("applicationForm.fields[babyBirthDate].dateBound", null, "NOT_IN_FUTURE"),
                new ContentChange("type", "LICENSING", "PUBLIC_SERVICE")));
        assertThat(rows).extracting(ChangeLabels.Row::after).containsExactly("单项选择", "年满（周岁）", "不晚于填写当天", "公共服务");
    }
}
