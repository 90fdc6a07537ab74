package org.probity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired PlatformTransactionManager transactionManager;
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
  void fullUnicodeAndMaskedDetailsOnMySql() {
    long mark = trail.head().sequence();
    trail.record("TEST_ACTION", "CMP-ÉTUDE-测试", Map.of("contactName", "Zoë", "note", "ĳ 测试"));
    assertThat(jdbc.queryForObject("select subject from audit_entry where seq = ?", String.class, mark + 1)).isEqualTo("CMP-ÉTUDE-测试");
    assertThat(jdbc.queryForObject("select details from audit_entry where seq = ?", String.class, mark + 1))
        .isEqualTo("{\"contactName\":\"***\",\"note\":\"ĳ 测试\"}");
  }

  @Test
  void concurrentProcessStartsKeepOneChainAndRollBacksLeaveNoEntry() throws Exception {
    String deploymentId =
        repositoryService.createDeployment().name("audit-mysql").addClasspathResource("bpmn/routing-probe.bpmn").deploy().getId();
    try {
      long mark = trail.head().sequence();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Void>> starters = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          int writer = w;
          starters.add(
              () -> {
                for (int i = 0; i < 10; i++) {
                  runtimeService.startProcessInstanceByKey("routing-probe", "MYS-" + writer + "-" + i);
                }
                return null;
              });
        }
        for (Future<Void> f : pool.invokeAll(starters)) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      List<Long> sequences = jdbc.queryForList("select seq from audit_entry where seq > ? order by seq", Long.class, mark);
      assertThat(sequences).hasSize(40);
      assertThat(sequences.get(39) - sequences.get(0)).isEqualTo(39);
      tampering.assertIntact();

      long before = trail.head().sequence();
      assertThatThrownBy(
              () ->
                  new TransactionTemplate(transactionManager)
                      .executeWithoutResult(
                          s -> {
                            runtimeService.startProcessInstanceByKey("routing-probe", "MYS-ROLLBACK");
                            throw new IllegalStateException("fails after the engine's work");
                          }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(trail.head().sequence()).isEqualTo(before);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("MYS-ROLLBACK").count()).isZero();
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }
}
