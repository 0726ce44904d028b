package org.tongban.catalog;

import org.tongban.identity.Department;

import java.time.LocalDate;

/** The public guide (办事指南) of an item: the version in force, with its implementing department. */
public record ItemGuide(String code, int versionNo, LocalDate effectiveFrom, Department department,
                        ItemContent content) {
}
