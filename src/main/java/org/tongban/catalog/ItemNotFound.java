package org.tongban.catalog;

import org.tongban.shared.NotFound;

/** No service item has this implementation code, or none is in force. */
public class ItemNotFound extends NotFound {

    ItemNotFound(String code) {
        super("没有实施编码为 " + code + " 的事项");
    }

    ItemNotFound(String code, String message) {
        super(message);
    }
}
