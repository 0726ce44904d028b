package org.tongban.cases;

/**
 * The written notices a case gets, each numbered after the case with its suffix: 受理通知书 ({@code -SL}), 不予受理通知书
 * ({@code -BY}), 补正告知书 ({@code -BZ}) and the decision (准予 or 不予行政许可决定书, {@code -JD}).
 */
public enum NoticeKind {
    ACCEPTANCE("SL"), NON_ACCEPTANCE("BY"), CORRECTION("BZ"), DECISION("JD");

    private final String suffix;

    NoticeKind(String suffix) {
        this.suffix = suffix;
    }

    public String number(CaseNumber number) {
        return number.value() + "-" + suffix;
    }

    /** Whether the case has been given this notice. */
    public boolean issued(Case c) {
        return switch (this) {
            case ACCEPTANCE -> c.acceptedOn() != null;
            case NON_ACCEPTANCE -> c.status() == CaseStatus.NOT_ACCEPTED;
            case CORRECTION -> c.correction() != null;
            case DECISION -> c.decision() != null;
        };
    }

    String title() {
        return switch (this) {
            case ACCEPTANCE -> "受理通知书";
            case NON_ACCEPTANCE -> "不予受理通知书";
            case CORRECTION -> "补正告知书";
            case DECISION -> "决定书";
        };
    }
}
