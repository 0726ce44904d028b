package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * 准予 or 不予许可, with the opinion; a rejection states its legal reasons (行政许可法 §38) and the notice adds the
 * applicant's remedies. A decision taken by a 秒批 rule names the rule, so the applicant can read why.
 */
public record Decision(Outcome outcome, String opinion, @Nullable String legalBasis, @Nullable String automaticRule,
                       Actor by, Instant at) {

    public enum Outcome { APPROVED, REJECTED }

    public boolean automatic() {
        return automaticRule != null;
    }
}
