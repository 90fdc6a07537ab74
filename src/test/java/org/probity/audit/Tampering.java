package org.probity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an attacker with write access to the database might do to the audit trail, each undone
 * afterwards: change an entry, delete one, swap two, cut the last. {@code verify} must name the first
 * broken sequence every time. Shared by the H2 and the MySQL suites.
 */
final class Tampering {

  private final JdbcTemplate jdbc;
  private final AuditTrail trail;

  Tampering(JdbcTemplate jdbc, AuditTrail trail) {
    this.jdbc = jdbc;
    this.trail = trail;
  }

  /** Records a few entries and returns the sequence of the first of them. */
  long fiveFreshEntries() {
    long first = trail.head().sequence() + 1;
    for (int i = 0; i < 5; i++) {
      trail.record("TEST_TAMPER", "TMP-" + i, Map.of("n", i));
    }
    assertThat(trail.verify().valid()).isTrue();
    return first;
  }

  Map<String, Object> row(long seq) {
    return jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
  }

  void reinsert(Map<String, Object> row) {
    jdbc.update(
        "insert into audit_entry (seq, recorded_at, actor, actor_roles, action_code, subject, details, client_address, prev_hash, entry_hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        value(row, "seq"),
        value(row, "recorded_at"),
        value(row, "actor"),
        value(row, "actor_roles"),
        value(row, "action_code"),
        value(row, "subject"),
        value(row, "details"),
        value(row, "client_address"),
        value(row, "prev_hash"),
        value(row, "entry_hash"));
  }

  private static Object value(Map<String, Object> row, String column) {
    // H2 answers upper case column names, MySQL lower case; the map is case-insensitive either way
    return row.get(column);
  }

  void assertBrokenAt(long seq) {
    AuditVerification verification = trail.verify();
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBrokenSequence()).isEqualTo(seq);
  }

  void assertIntact() {
    AuditVerification verification = trail.verify();
    assertThat(verification.valid()).isTrue();
    assertThat(verification.firstBrokenSequence()).isNull();
  }

  void changedEntryIsFound() {
    long first = fiveFreshEntries();
    long target = first + 2;
    String details = (String) row(target).get("details");
    jdbc.update("update audit_entry set details = ? where seq = ?", "{\"n\":99}", target);
    assertBrokenAt(target);
    jdbc.update("update audit_entry set details = ? where seq = ?", details, target);
    jdbc.update("update audit_entry set actor = ? where seq = ?", "someone-else", target);
    assertBrokenAt(target);
    jdbc.update("update audit_entry set actor = ? where seq = ?", "system", target);
    assertIntact();
  }

  void deletedEntryIsFound() {
    long first = fiveFreshEntries();
    long target = first + 1;
    Map<String, Object> row = row(target);
    jdbc.update("delete from audit_entry where seq = ?", target);
    assertBrokenAt(target);
    reinsert(row);
    assertIntact();

    long last = trail.head().sequence();
    Map<String, Object> tail = row(last);
    jdbc.update("delete from audit_entry where seq = ?", last);
    assertBrokenAt(last);
    reinsert(tail);
    assertIntact();
  }

  void reorderedEntriesAreFound() {
    long first = fiveFreshEntries();
    long a = first + 1;
    long b = first + 3;
    jdbc.update("update audit_entry set seq = ? where seq = ?", -1, a);
    jdbc.update("update audit_entry set seq = ? where seq = ?", a, b);
    jdbc.update("update audit_entry set seq = ? where seq = ?", b, -1);
    assertBrokenAt(a);
    jdbc.update("update audit_entry set seq = ? where seq = ?", -1, a);
    jdbc.update("update audit_entry set seq = ? where seq = ?", a, b);
    jdbc.update("update audit_entry set seq = ? where seq = ?", b, -1);
    assertIntact();
  }
}
