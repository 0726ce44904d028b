package org.tongban.cases;

import java.util.Optional;

/**
 * Where the bytes of uploaded materials are kept, by their SHA-256: the same file stored twice is kept once, and a
 * file's name can never point at another's bytes. The default keeps them in the data directory; a deployment puts
 * an object store (with its own encryption and backups) behind this port.
 */
public interface FileStore {

    /** Stores the bytes if they are not there yet; returns their SHA-256 in lower-case hex. */
    String put(byte[] bytes);

    Optional<byte[]> get(String sha256);
}
