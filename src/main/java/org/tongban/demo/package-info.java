/**
 * Demo data (演示数据): loads the fictional city of Haichuan (海川市) once on first start: its departments, service catalogue, demo accounts for every role and cases in every state. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据 Demo data", allowedDependencies = {"shared", "identity", "catalog", "cases"})
@org.jspecify.annotations.NullMarked
package org.tongban.demo;
