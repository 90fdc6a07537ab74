package org.probity.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder with a short memory of passwords it has just verified. HTTP Basic sends the
 * password with every request and bcrypt (deliberately slow: tens of milliseconds) would run on
 * every one of them; an API client calling several times a second would spend most of its time
 * there. A successful check is remembered for {@code ttl} as SHA-256 of a per-process random salt
 * and the password, keyed by the stored hash it was checked against:
 * <ul>
 *   <li>a wrong password is never remembered and always goes through bcrypt (guessing stays slow);
 *   <li>a changed password changes the stored hash (bcrypt salts every hash), so nothing remembered
 *       for the old one can ever match again, whichever way the password was changed;
 *   <li>at most {@code maxEntries} are kept (the least recently used goes first), each at most
 *       {@code ttl}; the salt never leaves the process, so the memory is useless outside it.
 * </ul>
 */
final class VerifiedCredentials implements PasswordEncoder {

  private record Verified(byte[] digest, long expiresAtMillis) {}

  private final PasswordEncoder delegate;
  private final int maxEntries;
  private final long ttlMillis;
  private final Clock clock;
  private final byte[] salt = new byte[32];
  private final Map<String, Verified> verified;

  VerifiedCredentials(PasswordEncoder delegate, int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("maxEntries >= 1 and a positive ttl");
    }
    this.delegate = delegate;
    this.maxEntries = maxEntries;
    this.ttlMillis = ttl.toMillis();
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
    this.verified =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > VerifiedCredentials.this.maxEntries;
          }
        };
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return delegate.matches(rawPassword, encodedPassword);
    }
    byte[] digest = digest(rawPassword);
    long now = clock.millis();
    Verified known;
    synchronized (verified) {
      known = verified.get(encodedPassword);
      if (known != null && known.expiresAtMillis() <= now) {
        verified.remove(encodedPassword);
        known = null;
      }
    }
    if (known != null && MessageDigest.isEqual(known.digest(), digest)) {
      return true;
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      synchronized (verified) {
        verified.put(encodedPassword, new Verified(digest, now + ttlMillis));
      }
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  /** How many verified passwords are remembered now (for tests). */
  int size() {
    synchronized (verified) {
      return verified.size();
    }
  }

  private byte[] digest(CharSequence rawPassword) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
      return sha256.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
