package org.tongban.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret key from configuration (a secret store in production), else created once in the data directory with
 * permissions for its owner only, so that the embedded default starts without set-up and keeps its keys across
 * restarts. Never in git.
 */
final class SecretKeyFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeyFiles() {
    }

    /**
     * @param configured base64, or blank to use {@code file}
     * @param what       what the key is for, in messages (e.g. "personal-data key")
     * @param setting    the environment variable that configures it in production, for the log line
     */
    static byte[] key(String configured, Path file, int bytes, String what, String setting) {
        if (!configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.trim());
            if (key.length != bytes) {
                throw new IllegalStateException("A configured " + what + " must be " + bytes + " bytes ("
                        + bytes * 8 + " bits), base64");
            }
            return key;
        }
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[bytes];
            RANDOM.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict permissions of {}", file);
            }
            log.info("Created {} {} (set {} in production)", what, file, setting);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " " + file, e);
        }
    }
}
