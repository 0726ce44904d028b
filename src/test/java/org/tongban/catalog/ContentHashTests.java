package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApprovalCondition.Operator;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fingerprint of a content that uses none of the elements added for applying (form, commitment, extension,
 * 秒批) is what it was before they existed, so that versions stored earlier keep their hashes and re-importing an
 * unchanged catalogue still changes nothing.
 */
class ContentHashTests {

    /** ItemVersions.hashOf of this item, computed before the application form, commitment and extension existed. */
    private static final String BEFORE_APPLYING = "d82fd6e958517f65646a94e74cb4243e4e54adc966c2236c8cb29f2c4107fb03";

    private final ItemContent item = TestItems.valid("港口夜间作业报备", "2012");

    @Test
    void anItemThatUsesNoneOfTheNewElementsKeepsItsHash() {
        assertThat(ItemVersions.hashOf(item)).isEqualTo(BEFORE_APPLYING);
    }

    @Test
    void eachNewElementChangesTheHashWhenUsed() {
        ItemContent.Material first = item.materials().getFirst();
        ItemContent committed = TestItems.with(item, "materials", List.of(new ItemContent.Material(first.name(),
                first.requirement(), first.condition(), first.form(), first.originals(), first.copies(),
                first.paperSpec(), first.source(), first.sourceNote(), first.deferrable(), true,
                first.replacedByLicense(), first.replacedBySharedData(), first.note(), first.acceptanceStandard(),
                first.basis(), null, null), item.materials().get(1)));
        List<ItemContent> variants = List.of(committed,
                TestItems.with(item, "extension", new ItemContent.TimeLimit(10, ItemContent.LimitUnit.WORKING_DAYS)),
                TestItems.with(item, "applicationForm",
                        ApplicationForm.of(FormField.of("applicantName", "申请人姓名", FormField.Type.TEXT, true))),
                TestItems.with(item, "instantApproval", InstantApproval.of(new ApprovalCondition(
                        VerifiedFact.ID_NUMBER.key(), Operator.AGE_AT_LEAST, "80", "申请人年满80周岁"))));
        assertThat(variants).allSatisfy(v -> assertThat(ItemVersions.hashOf(v)).isNotEqualTo(BEFORE_APPLYING));
        assertThat(variants.stream().map(ItemVersions::hashOf).distinct()).hasSize(variants.size());
    }
}
