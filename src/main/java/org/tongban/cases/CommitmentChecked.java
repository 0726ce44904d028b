package org.tongban.cases;

import java.time.Instant;
import java.util.List;

/**
 * 告知承诺事后核查: the department verified the commitments a decision was made on; {@code truthful} false opens the
 * way to revoking the decision ({@link CaseRevoked}), and credit records may take note of it.
 */
public record CommitmentChecked(CaseRef ref, Instant at, Actor by, boolean truthful, String finding,
                                List<String> materials) implements CaseEvent {
}
