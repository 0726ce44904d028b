/**
 * Demo data (演示数据): loads the fictional city of Haichuan (海川市) once on first start: its departments, service catalogue and demo accounts for every role. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据 Demo data", allowedDependencies = {"shared", "identity", "catalog"})
@org.jspecify.annotations.NullMarked
package org.tongban.demo;
