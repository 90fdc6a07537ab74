package org.probity.audit;

import org.junit.jupiter.api.Test;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A changed, deleted or reordered entry is found by verify (H2). */
@ProbityTest
class AuditTamperTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired AuditTrail trail;

  @Test
  void aChangedEntryIsFound() {
    new Tampering(jdbc, trail).changedEntryIsFound();
  }

  @Test
  void aDeletedEntryIsFound() {
    new Tampering(jdbc, trail).deletedEntryIsFound();
  }

  @Test
  void reorderedEntriesAreFound() {
    new Tampering(jdbc, trail).reorderedEntriesAreFound();
  }
}
