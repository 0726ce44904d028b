/**
 * Shared kernel (共享内核): values every module speaks in (ID number, credit code, region code, license identifier) and the working-day calendar (工作日历) that all deadlines are computed on; and two small mechanisms several modules need alike: what an uploaded file is, checked by its content (FileFormat), and counting failed attempts per client address or subject (AttemptCounter).
 */
@org.springframework.modulith.ApplicationModule(displayName = "共享内核 Shared kernel")
@org.jspecify.annotations.NullMarked
package org.tongban.shared;
