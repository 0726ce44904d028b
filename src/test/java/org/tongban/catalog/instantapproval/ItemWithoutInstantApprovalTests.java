package org.tongban.catalog.instantapproval;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApplicationForm;
import org.tongban.catalog.ApprovalEvaluation;
import org.tongban.catalog.ApprovalEvaluation.Outcome;
import org.tongban.catalog.InstantApproval;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An item that offers no 秒批: every application goes to a person, with nothing to explain. */
class ItemWithoutInstantApprovalTests {

    @Test
    void goesToAPerson() {
        ApprovalEvaluation evaluation = InstantApproval.NONE.evaluate(ApplicationForm.NONE, Map.of(), Map.of(),
                Rules.SUBMITTED);
        assertThat(InstantApproval.NONE.offered()).isFalse();
        assertThat(evaluation.outcome()).isEqualTo(Outcome.TO_A_PERSON);
        assertThat(evaluation.conditions()).isEmpty();
    }
}
