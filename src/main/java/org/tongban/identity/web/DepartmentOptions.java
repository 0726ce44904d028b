package org.tongban.identity.web;

import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement.DepartmentInTree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Departments as the choices of a select: in tree order, indented with full-width spaces so that it shows the tree. */
final class DepartmentOptions {

    private DepartmentOptions() {
    }

    static Map<String, String> indented(List<DepartmentInTree> tree, Function<Department, String> value,
                                        Predicate<Department> offered) {
        Map<String, String> options = new LinkedHashMap<>();
        tree.stream().filter(d -> offered.test(d.department()))
                .forEach(d -> options.put(value.apply(d.department()), "　".repeat(d.level()) + d.department().name()));
        return options;
    }
}
