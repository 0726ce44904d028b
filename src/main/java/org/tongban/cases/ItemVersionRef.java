package org.tongban.cases;

import org.tongban.shared.InvalidValueException;

/**
 * The published item version a case was submitted under (实施编码 and version number). A case is held to that
 * version's terms for its whole life, whatever the catalogue publishes later.
 */
public record ItemVersionRef(String itemCode, int versionNo) {

    public ItemVersionRef {
        if (itemCode == null || itemCode.isBlank() || itemCode.length() > 40) {
            throw new InvalidValueException("case.item-code", "事项编码不正确");
        }
        if (versionNo < 1) {
            throw new InvalidValueException("case.item-version", "事项版本号应从 1 开始");
        }
    }

    @Override
    public String toString() {
        return itemCode + " v" + versionNo;
    }
}
