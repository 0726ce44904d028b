package org.tongban.catalog;

import java.time.LocalDate;

/** The item was withdrawn (事项取消): it is no longer offered, and people who follow an old link are told why. */
public class ItemWithdrawn extends ItemNotFound {

    private final String name;
    private final LocalDate withdrawnFrom;
    private final String reason;

    ItemWithdrawn(String code, String name, LocalDate withdrawnFrom, String reason) {
        super(code, "「" + name + "」已于 " + withdrawnFrom + " 取消：" + reason);
        this.name = name;
        this.withdrawnFrom = withdrawnFrom;
        this.reason = reason;
    }

    public String name() {
        return name;
    }

    public LocalDate withdrawnFrom() {
        return withdrawnFrom;
    }

    public String reason() {
        return reason;
    }
}
