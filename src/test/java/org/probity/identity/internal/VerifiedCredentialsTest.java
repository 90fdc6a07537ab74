package org.probity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The short memory of verified passwords that spares bcrypt on every HTTP Basic request. */
@ProbityTest
class VerifiedCredentialsTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder passwordEncoder;

  /** bcrypt, counting how often it really runs. */
  static final class CountingEncoder implements PasswordEncoder {
    final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return bcrypt.matches(raw, encoded);
    }
  }

  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aVerifiedPasswordIsCheckedAgainWithoutBcryptButAWrongOneAlwaysGoesThroughBcryptAndFails() {
    CountingEncoder bcrypt = new CountingEncoder();
    VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, 10, Duration.ofMinutes(5), Clock.systemUTC());
    String stored = credentials.encode("right password");

    assertThat(credentials.matches("right password", stored)).isTrue();
    assertThat(credentials.matches("right password", stored)).isTrue();
    assertThat(bcrypt.checks).hasValue(1);

    assertThat(credentials.matches("wrong password", stored)).isFalse();
    assertThat(credentials.matches("wrong password", stored)).isFalse();
    assertThat(credentials.matches("right password ", stored)).isFalse();
    assertThat(credentials.matches("", stored)).isFalse();
    assertThat(bcrypt.checks).hasValue(5);
    // and the right one is still remembered
    assertThat(credentials.matches("right password", stored)).isTrue();
    assertThat(bcrypt.checks).hasValue(5);
  }

  @Test
  void aChangedPasswordIsNeverAnsweredFromTheMemoryOfTheOldOne() {
    CountingEncoder bcrypt = new CountingEncoder();
    VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, 10, Duration.ofMinutes(5), Clock.systemUTC());
    String before = credentials.encode("first password");
    assertThat(credentials.matches("first password", before)).isTrue();

    String after = credentials.encode("second password");
    assertThat(credentials.matches("first password", after)).isFalse();
    assertThat(credentials.matches("second password", after)).isTrue();
    // even set back to the same password, the new hash is checked by bcrypt once
    String again = credentials.encode("first password");
    int checks = bcrypt.checks.get();
    assertThat(credentials.matches("first password", again)).isTrue();
    assertThat(bcrypt.checks).hasValue(checks + 1);
  }

  @Test
  void theMemoryIsBoundedInSizeAndInTime() {
    CountingEncoder bcrypt = new CountingEncoder();
    ManualClock clock = new ManualClock();
    VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, 3, Duration.ofMinutes(5), clock);
    String[] stored = new String[5];
    for (int i = 0; i < stored.length; i++) {
      stored[i] = "{noop}password-" + i;
      assertThat(credentials.matches("password-" + i, stored[i])).isTrue();
      assertThat(credentials.size()).isLessThanOrEqualTo(3);
    }
    assertThat(credentials.size()).isEqualTo(3);
    // the oldest were evicted: checked by the encoder again
    int checks = bcrypt.checks.get();
    assertThat(credentials.matches("password-0", stored[0])).isTrue();
    assertThat(bcrypt.checks).hasValue(checks + 1);
    assertThat(credentials.matches("password-4", stored[4])).isTrue();
    assertThat(bcrypt.checks).hasValue(checks + 1);

    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertThat(credentials.matches("password-4", stored[4])).isTrue();
    assertThat(bcrypt.checks).hasValue(checks + 2);
  }

  @Test
  void overHttpBasicAWrongPasswordFailsAfterARightOneAndAChangedPasswordTakesEffectAtOnce() {
    String user = "basic-cache-" + System.nanoTime() % 1_000_000;
    jdbc.update(
        "insert into app_user (username, password_hash, display_name, enabled, created_at) values (?, ?, ?, true, current_timestamp)",
        user, passwordEncoder.encode("first-password-123"), "Basic Cache");
    jdbc.update("insert into app_user_role (username, role_id) values (?, 'investigators')", user);
    try {
      assertThat(HttpSession.basic(port, user, "first-password-123").get("/api/whoami").statusCode()).isEqualTo(200);
      assertThat(HttpSession.basic(port, user, "first-password-123").get("/api/whoami").statusCode()).isEqualTo(200);
      assertThat(HttpSession.basic(port, user, "first-password-12").get("/api/whoami").statusCode()).isEqualTo(401);
      assertThat(HttpSession.basic(port, user, "wrong").get("/engine-rest/task").statusCode()).isEqualTo(401);

      jdbc.update("update app_user set password_hash = ? where username = ?", passwordEncoder.encode("second-password-456"), user);
      assertThat(HttpSession.basic(port, user, "first-password-123").get("/api/whoami").statusCode()).isEqualTo(401);
      assertThat(HttpSession.basic(port, user, "second-password-456").get("/api/whoami").statusCode()).isEqualTo(200);

      jdbc.update("update app_user set enabled = false where username = ?", user);
      assertThat(HttpSession.basic(port, user, "second-password-456").get("/api/whoami").statusCode()).isEqualTo(401);
    } finally {
      jdbc.update("delete from app_user_role where username = ?", user);
      jdbc.update("delete from app_user where username = ?", user);
    }
  }
}
