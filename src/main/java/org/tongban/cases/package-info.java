/**
 * Cases (办件): an application for one published item version, from submission through acceptance (受理), the
 * item's steps (环节), special procedures and extensions, to the decision and completion (办结), held to the
 * committed and statutory time limits on the working-day calendar. The {@link org.tongban.cases.Case} aggregate owns
 * its state machine; {@link org.tongban.cases.CaseManagement} is the module's API; every transition is published as
 * a {@link org.tongban.cases.CaseEvent} through the event publication registry for bundles, licenses, ratings and
 * the hotline to react to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "办件 Cases",
        allowedDependencies = {"shared", "web", "identity", "catalog", "calendar"})
@org.jspecify.annotations.NullMarked
package org.tongban.cases;
