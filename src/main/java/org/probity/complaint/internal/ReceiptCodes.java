package org.probity.complaint.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Receipt codes of the public portal: 130 random bits in Base32 (26 characters, no look-alikes
 * problem since only A-Z and 2-7 are used), shown once to the complainant. Only the SHA-256 hash
 * is stored, so a copy of the database does not open anyone's complaint.
 *
 * <p>The code issued by a registration is handed back to the caller on the same thread (the
 * portal or staff API that started the process), never through a process variable.
 */
@Component
class ReceiptCodes {

  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  static final int LENGTH = 26;

  private final SecureRandom random = new SecureRandom();
  private final ThreadLocal<String> issued = new ThreadLocal<>();

  String newCode() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET[random.nextInt(32)]);
    }
    return code.toString();
  }

  /** Upper case, without spaces and dashes; empty when it cannot be a receipt code at all. */
  static Optional<String> normalise(String input) {
    if (input == null || input.length() > 64) {
      return Optional.empty();
    }
    String code = input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return code.matches("[A-Z2-7]{" + LENGTH + "}") ? Optional.of(code) : Optional.empty();
  }

  static String hash(String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void handOver(String code) {
    issued.set(code);
  }

  /** The code the registration on this thread issued, once. */
  Optional<String> takeIssued() {
    String code = issued.get();
    issued.remove();
    return Optional.ofNullable(code);
  }

  void forget() {
    issued.remove();
  }
}
