package org.tongban.cases;

import java.time.LocalDate;

/**
 * 延长审批: approved by the department head, it lengthens the promised and the statutory deadlines by the item's
 * extension, counted on from where they ended; reported nationally as special procedure type 1 (GB/T 39046 A.7).
 */
public record Extension(Limit limit, String reason, String approvedBy, LocalDate approvedOn) {
}
