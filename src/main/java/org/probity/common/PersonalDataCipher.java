package org.probity.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data (names and contacts of complainants, witnesses, personnel) for storage:
 * AES-256-GCM (authenticated), a fresh 96-bit nonce per value, and the field's context (for example
 * {@code "complainant.name"}) as associated data so that a value cannot be moved to another field.
 * Stored form: {@code v1:} + Base64(nonce || ciphertext || tag).
 *
 * <p>The key comes from {@code PROBITY_ENCRYPTION_KEY} (Base64 of 32 bytes), never from the
 * repository. Only the embedded demo may go without: it then keeps a generated key in
 * {@code ./data/encryption.key} beside its database.
 */
@Component
public class PersonalDataCipher {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecretKey pseudonymKey;
  private final SecretKey blindIndexKey;
  private final SecureRandom random = new SecureRandom();

  public PersonalDataCipher(
      @Value("${probity.encryption.key:}") String configuredKey,
      @Value("${probity.encryption.demo-key-file:}") String demoKeyFile) {
    byte[] raw = loadKey(configuredKey, demoKeyFile);
    this.key = new SecretKeySpec(raw, "AES");
    this.pseudonymKey = new SecretKeySpec(hmac(raw, "probity-pseudonym-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    this.blindIndexKey = new SecretKeySpec(hmac(raw, "probity-blind-index-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
  }

  /** Encrypts a value for the given field context; null stays null. */
  public String encrypt(String plaintext, String context) {
    if (plaintext == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt personal data", e);
    }
  }

  /** Decrypts a stored value; fails loudly if it was changed or belongs to another context. */
  public String decrypt(String stored, String context) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(PREFIX)) {
      throw new IllegalStateException("Not an encrypted value");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Cannot decrypt personal data: wrong key, wrong field, or tampered value", e);
    }
  }

  /**
   * A stable pseudonym for a person (same input, same pseudonym; not reversible without the key):
   * for exports and statistics where a person must be recognisable across rows but not named.
   */
  public String pseudonym(String kind, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(pseudonymKey);
      byte[] digest = mac.doFinal((kind + "\u0000" + value.trim().toLowerCase()).getBytes(StandardCharsets.UTF_8));
      return kind.toUpperCase() + "-" + HexFormat.of().formatHex(digest, 0, 6).toUpperCase();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A keyed blind index (HMAC-SHA-256, hex) of an already normalised value, so that encrypted data
   * can be found by equality without being stored in clear: equal inputs give equal indexes, and
   * nobody without the key can compute one. {@code kind} separates uses (for example
   * {@code "personnel.name.token"}). Callers normalise first; the value is taken as given.
   */
  public String blindIndex(String kind, String normalisedValue) {
    if (normalisedValue == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(blindIndexKey);
      return HexFormat.of().formatHex(mac.doFinal((kind + "\u0000" + normalisedValue).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] loadKey(String configuredKey, String demoKeyFile) {
    if (configuredKey != null && !configuredKey.isBlank()) {
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(configuredKey.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("PROBITY_ENCRYPTION_KEY is not Base64");
      }
      if (raw.length != 32) {
        throw new IllegalStateException("PROBITY_ENCRYPTION_KEY must be 32 bytes (Base64 of 32 random bytes)");
      }
      return raw;
    }
    if (demoKeyFile == null || demoKeyFile.isBlank()) {
      throw new IllegalStateException(
          "PROBITY_ENCRYPTION_KEY is missing: personal data cannot be stored without it "
              + "(make one with: head -c 32 /dev/urandom | base64)");
    }
    return demoKey(Path.of(demoKeyFile));
  }

  private static byte[] demoKey(Path file) {
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).trim());
      }
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(raw));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      log.warn("Generated a demo encryption key in {}: embedded demo only", file.toAbsolutePath());
      return raw;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the demo encryption key " + file, e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
