package org.probity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On MySQL the database refuses to change or delete an audit entry. An attacker with the rights to
 * drop the triggers can tamper: verify finds it. Each tamper test drops the triggers, tampers,
 * verifies, restores the data and the triggers.
 */
@MySqlTest
class MySqlAuditTest {

  static final List<String> TRIGGERS =
      List.of(
          "create trigger audit_entry_no_update before update on audit_entry for each row "
              + "signal sqlstate '45000' set message_text = 'audit_entry is append-only: UPDATE refused'",
          "create trigger audit_entry_no_delete before delete on audit_entry for each row "
              + "signal sqlstate '45000' set message_text = 'audit_entry is append-only: DELETE refused'");

  @Autowired JdbcTemplate jdbc;
  @Autowired AuditTrail trail;
  Tampering tampering;

  @BeforeEach
  void setUp() {
    tampering = new Tampering(jdbc, trail);
  }

  @AfterEach
  void triggersAreBack() {
    assertThat(triggers()).containsExactlyInAnyOrder("audit_entry_no_update", "audit_entry_no_delete");
    tampering.assertIntact();
  }

  List<String> triggers() {
    return jdbc.queryForList(
        "select trigger_name from information_schema.triggers where trigger_schema = database() and event_object_table = 'audit_entry'",
        String.class);
  }

  void asAnAttacker(Runnable tamper) {
    jdbc.execute("drop trigger audit_entry_no_update");
    jdbc.execute("drop trigger audit_entry_no_delete");
    try {
      tamper.run();
    } finally {
      TRIGGERS.forEach(jdbc::execute);
    }
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEntry() {
    long first = tampering.fiveFreshEntries();
    assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'x' where seq = ?", first))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", first))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(tampering.row(first).get("actor")).isEqualTo("system");
  }

  @Test
  void aChangedEntryIsFound() {
    asAnAttacker(tampering::changedEntryIsFound);
  }

  @Test
  void aDeletedEntryIsFound() {
    asAnAttacker(tampering::deletedEntryIsFound);
  }

  @Test
  void reorderedEntriesAreFound() {
    asAnAttacker(tampering::reorderedEntriesAreFound);
  }

  @Test
  void entriesOfTheEngineAreWrittenInItsTransactionOnMySql() {
    long mark = trail.head().sequence();
    trail.record("TEST_ACTION", "CMP-ÉTUDE-测试", Map.of("contactName", "Zoë"));
    assertThat(jdbc.queryForObject("select subject from audit_entry where seq = ?", String.class, mark + 1)).isEqualTo("CMP-ÉTUDE-测试");
    tampering.assertIntact();
  }
}
