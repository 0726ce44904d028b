package org.tongban.catalog;

/** A checked file waiting to be stored with the version that refers to it (by its SHA-256). */
public record Upload(String sha256, String contentType, byte[] data) {
}
