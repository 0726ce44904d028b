package org.tongban.catalog;

/**
 * A blank form, sample or result sample as stored: its bytes and the content type they were checked to have when
 * they were stored (not the type an item's content states).
 */
public record StoredFile(String contentType, byte[] data) {
}
