package org.tongban.identity;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Personal data at rest (GB/T 39786, PIPL): ID numbers are encrypted with SM4-GCM and found again through a keyed
 * HMAC-SM3 hash, so a copy of the database alone reveals neither the numbers nor, by guessing, who is in it.
 * Keys come from configuration (a secret store in production); on the embedded default they are created once in
 * the data directory, never in git.
 */
@Component
class PersonalDataProtection {

    /** Loading BouncyCastle takes most of a second: done on first use, not during start-up. */
    private static final class Bc {
        static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    }
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    PersonalDataProtection(@Value("${tongban.security.data-encryption-key:}") String encryptionKey,
                           @Value("${tongban.security.data-hash-key:}") String hashKey,
                           @Value("${tongban.data-dir}") String dataDir) {
        Path keyDir = Path.of(dataDir, "keys");
        this.encryptionKey = new SecretKeySpec(SecretKeyFiles.key(encryptionKey, keyDir.resolve("sm4-data.key"), 16,
                "personal-data key", "TONGBAN_DATA_KEY"), "SM4");
        this.hashKey = new SecretKeySpec(SecretKeyFiles.key(hashKey, keyDir.resolve("hmac-sm3-lookup.key"), 16,
                "personal-data key", "TONGBAN_HASH_KEY"), "HMAC-SM3");
    }

    byte[] encrypt(String clear) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", Bc.PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 encryption failed", e);
        }
    }

    String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", Bc.PROVIDER);
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            byte[] clear = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 decryption failed: wrong key or altered data", e);
        }
    }

    /** Keyed SM3 hash (hex) used to find an account by ID number without storing the number. */
    String lookupHash(String clear) {
        try {
            Mac mac = Mac.getInstance("HMAC-SM3", Bc.PROVIDER);
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(clear.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SM3 failed", e);
        }
    }
}
