/**
 * Operations (平台运维): what a platform administrator watches and repairs while the platform runs, starting with
 * the event publications whose reactions have not completed (a failed search update, a notification that did not
 * go out) and their resubmission.
 */
@org.springframework.modulith.ApplicationModule(displayName = "平台运维 Operations", allowedDependencies = {"shared", "web"})
@org.jspecify.annotations.NullMarked
package org.tongban.operations;
