package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemContent.Step;
import org.tongban.catalog.ItemContent.StepRole;
import org.tongban.catalog.TestItems;
import org.tongban.identity.Role;

/** The steps a case goes through after acceptance, as copied from its item's steps. */
class CaseTermsFromItemTest {

    private static final UUID DEPARTMENT = TestCases.DEPARTMENT;

    private static ItemContent withSteps(Step... steps) {
        return TestItems.with(TestItems.valid("办结送达测试", "7301"), "caseType", ItemContent.CaseType.PROMISED,
                "steps", List.of(steps));
    }

    private static Step step(String name, StepRole role) {
        return new Step(name, role, null);
    }

    @Test
    void theCountersFirstStepIsAcceptanceAndItsLastTheHandOverSoTheDepartmentDecides() {
        CaseTerms terms = CaseTermsFromItem.of(withSteps(step("受理", StepRole.WINDOW_CLERK),
                step("审核", StepRole.DEPARTMENT_REVIEWER), step("决定", StepRole.DEPARTMENT_HEAD),
                step("办结送达", StepRole.WINDOW_CLERK)), DEPARTMENT);

        assertThat(terms.steps()).containsExactly(new CaseTerms.StepTerm("审核", Role.DEPARTMENT_REVIEWER),
                new CaseTerms.StepTerm("决定", Role.DEPARTMENT_HEAD));
    }

    @Test
    void aCaseOfAnItemEndingAtTheCounterIsDecidedByTheHeadAndHandedOverByTheCounter() {
        CaseTerms terms = CaseTermsFromItem.of(withSteps(step("受理", StepRole.WINDOW_CLERK),
                step("审核", StepRole.DEPARTMENT_REVIEWER), step("决定", StepRole.DEPARTMENT_HEAD),
                step("办结送达", StepRole.WINDOW_CLERK)), DEPARTMENT);
        LocalDate day = LocalDate.of(2026, 9, 28);
        Case c = Case.submit(CaseId.random(), CaseNumber.of("377000", day, 1), new ItemVersionRef("ITEM-1", 1), terms,
                new Applicant(TestCases.APPLICANT.accountId(), Applicant.Kind.PERSON, "张三", null, "0001"),
                Intake.online(Intake.Channel.WEB, new Intake.Delivery(Intake.Delivery.Method.PICK_UP, null)),
                Map.of(), List.of(), TestCases.on(day, TestCases.APPLICANT));
        c.accept(TestCases.on(day.plusDays(1), TestCases.CLERK), Map.of());
        c.completeStep(TestCases.on(day.plusDays(1), TestCases.REVIEWER), "审核通过");

        c.approve(TestCases.on(day.plusDays(2), TestCases.HEAD), "准予");
        c.complete(TestCases.on(day.plusDays(2), TestCases.CLERK));

        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.decision().by().role()).isEqualTo(Role.DEPARTMENT_HEAD);
    }

    @Test
    void aStepOfTheCounterBetweenTheDepartmentsStaysAStep() {
        CaseTerms terms = CaseTermsFromItem.of(withSteps(step("受理", StepRole.WINDOW_CLERK),
                step("预约上门安检", StepRole.DEPARTMENT_REVIEWER), step("审批", StepRole.DEPARTMENT_HEAD)), DEPARTMENT);

        assertThat(terms.steps()).extracting(CaseTerms.StepTerm::name).containsExactly("预约上门安检", "审批");
    }
}
