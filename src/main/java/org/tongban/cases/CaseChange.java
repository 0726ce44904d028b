package org.tongban.cases;

import org.jspecify.annotations.Nullable;

/** One registered event with what the audit records beside it: the states and the deadlines before and after. */
record CaseChange(CaseEvent event, CaseStatus from, CaseStatus to, Deadlines before, Deadlines after,
                  @Nullable String opinion) {
}
