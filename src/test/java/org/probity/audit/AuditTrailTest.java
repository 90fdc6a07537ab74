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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail: chained, transactional, safe under concurrency, fed by the engine and logins. */
@ProbityTest
class AuditTrailTest {

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  long mark() {
    return trail.head().sequence();
  }

  List<Map<String, Object>> since(long mark) {
    return jdbc.queryForList(
        "select seq, actor, actor_roles, action_code, subject, details, client_address from audit_entry where seq > ? order by seq",
        mark);
  }

  List<String> actionsSince(long mark) {
    return since(mark).stream().map(r -> (String) r.get("action_code")).toList();
  }

  @Test
  void entriesAreChainedAndVerify() {
    long mark = mark();
    trail.record("TEST_ACTION", "CMP-2026-000001", Map.of("complainantName", "Jane Doe", "count", 3));
    List<Map<String, Object>> entries = since(mark);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("actor")).isEqualTo("system");
    assertThat((String) entries.get(0).get("details")).contains("\"complainantName\":\"***\"").contains("\"count\":3").doesNotContain("Jane");
    AuditVerification verification = trail.verify();
    assertThat(verification.valid()).isTrue();
    assertThat(verification.entries()).isEqualTo(trail.head().sequence());
    assertThat(verification.firstBrokenSequence()).isNull();
  }

  @Test
  void anEntryRollsBackWithItsAction() {
    long mark = mark();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      trail.record("TEST_ACTION", "rolled-back", null);
                      throw new IllegalStateException("the action fails");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(since(mark)).isEmpty();
    tx.executeWithoutResult(status -> trail.record("TEST_ACTION", "committed", null));
    assertThat(since(mark)).extracting(r -> r.get("subject")).containsExactly("committed");
  }

  @Test
  void anEngineActionAndItsEntriesRollBackTogether() {
    String deploymentId =
        repositoryService.createDeployment().name("audit-rollback").addClasspathResource("bpmn/routing-probe.bpmn").deploy().getId();
    try {
      long mark = mark();
      TransactionTemplate tx = new TransactionTemplate(transactionManager);
      assertThatThrownBy(
              () ->
                  tx.executeWithoutResult(
                      status -> {
                        runtimeService.startProcessInstanceByKey("routing-probe", "AUD-ROLLBACK");
                        throw new IllegalStateException("the caller fails after the engine's work");
                      }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("AUD-ROLLBACK").count()).isZero();
      assertThat(since(mark)).isEmpty();
      runtimeService.startProcessInstanceByKey("routing-probe", "AUD-COMMIT");
      assertThat(since(mark)).extracting(r -> r.get("subject")).containsExactly("AUD-COMMIT");
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void concurrentWritersNeverForkTheChain() throws Exception {
    long mark = mark();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    try {
      List<Callable<Void>> writers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        int writer = w;
        writers.add(
            () -> {
              for (int i = 0; i < 25; i++) {
                int n = i;
                if (n % 2 == 0) {
                  trail.record("TEST_CONCURRENT", "w" + writer, Map.of("i", n));
                } else {
                  tx.executeWithoutResult(s -> {
                    trail.record("TEST_CONCURRENT", "w" + writer, Map.of("i", n));
                    trail.record("TEST_CONCURRENT", "w" + writer, Map.of("i", n, "second", true));
                  });
                }
              }
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(writers)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<Map<String, Object>> entries = since(mark);
    assertThat(entries).hasSize(8 * (13 + 12 * 2));
    for (int i = 0; i < entries.size(); i++) {
      assertThat(((Number) entries.get(i).get("seq")).longValue()).isEqualTo(mark + i + 1);
    }
    assertThat(jdbc.queryForObject("select count(distinct prev_hash) from audit_entry where seq > ?", Long.class, mark))
        .isEqualTo(entries.size());
    assertThat(trail.verify().valid()).isTrue();
  }

  @Test
  void theEngineRecordsStartsTaskWorkCompletionsCancellationsAndDeployments() {
    long mark = mark();
    String deploymentId =
        repositoryService.createDeployment().name("audit-probe").addClasspathResource("bpmn/routing-probe.bpmn").deploy().getId();
    try {
      // the same resources again: duplicate filtering answers with the existing deployment
      repositoryService
          .createDeployment()
          .name("audit-probe")
          .enableDuplicateFiltering(false)
          .addClasspathResource("bpmn/routing-probe.bpmn")
          .deploy();
      String instance = runtimeService.startProcessInstanceByKey("routing-probe", "AUD-2026-000001").getId();
      Task investigate = taskService.createTaskQuery().processInstanceId(instance).taskName("Investigate").singleResult();
      Task vet = taskService.createTaskQuery().processInstanceId(instance).taskName("Vet").singleResult();
      identityService.setAuthentication("investigator", List.of("investigators"));
      try {
        taskService.claim(investigate.getId(), "investigator");
        taskService.claim(investigate.getId(), null);
        taskService.claim(investigate.getId(), "investigator");
        identityService.clearAuthentication(); // assigning others' work is not an investigator's right
        taskService.delegateTask(investigate.getId(), "investigator2");
        taskService.resolveTask(investigate.getId());
        taskService.setAssignee(vet.getId(), "vetting");
        identityService.setAuthentication("investigator", List.of("investigators"));
        taskService.complete(
            investigate.getId(),
            Map.of("finding", "=HYPERLINK(\"x\")", "witnessPhone", "+44 20 7946 0000", "complainantEmail", "jane@example.org"));
      } finally {
        identityService.clearAuthentication();
      }
      runtimeService.deleteProcessInstance(instance, "withdrawn by the complainant");

      List<Map<String, Object>> entries = since(mark);
      assertThat(actionsSince(mark))
          .containsExactly(
              "DEPLOYMENT_CREATED",
              "PROCESS_STARTED",
              "TASK_CLAIMED",
              "TASK_UNCLAIMED",
              "TASK_CLAIMED",
              "TASK_DELEGATED",
              "TASK_RESOLVED",
              "TASK_ASSIGNED",
              "TASK_COMPLETED",
              "PROCESS_CANCELLED");
      assertThat(entries.get(0).get("subject")).isEqualTo(deploymentId);
      assertThat((String) entries.get(0).get("details")).contains("routing-probe.bpmn");
      assertThat(entries.subList(1, entries.size())).allSatisfy(e -> assertThat(e.get("subject")).isEqualTo("AUD-2026-000001"));
      Map<String, Object> claim = entries.get(2);
      assertThat(claim.get("actor")).isEqualTo("investigator");
      assertThat(claim.get("actor_roles")).isEqualTo("investigators");
      assertThat((String) entries.get(5).get("details")).contains("\"to\":\"investigator2\"");
      String completion = (String) entries.get(8).get("details");
      assertThat(completion)
          .contains("\"task\":\"Investigate\"")
          .contains("\"finding\":\"=HYPERLINK(\\\"x\\\")\"")
          .contains("\"witnessPhone\":\"***\"")
          .contains("\"complainantEmail\":\"***\"")
          .doesNotContain("7946")
          .doesNotContain("jane@");
      assertThat((String) entries.get(9).get("details")).contains("withdrawn by the complainant");
      assertThat(trail.verify().valid()).isTrue();
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
    assertThat(actionsSince(mark)).last().isEqualTo("DEPLOYMENT_DELETED");
  }

  @Test
  void taskWorkThroughEngineRestIsRecordedWithTheUserAndTheirAddress() {
    String deploymentId =
        repositoryService.createDeployment().name("audit-rest").addClasspathResource("bpmn/routing-probe.bpmn").deploy().getId();
    try {
      String instance = runtimeService.startProcessInstanceByKey("routing-probe", "AUD-REST-1").getId();
      String task = taskService.createTaskQuery().processInstanceId(instance).taskName("Investigate").singleResult().getId();
      long mark = mark();
      HttpSession investigator = HttpSession.basic(port, "investigator", "demo");
      assertThat(investigator.postJson("/engine-rest/task/" + task + "/claim", "{\"userId\":\"investigator\"}").statusCode())
          .isEqualTo(204);
      assertThat(
              investigator
                  .postJson(
                      "/engine-rest/task/" + task + "/submit-form",
                      "{\"variables\":{\"finding\":{\"value\":\"not sustained\"},\"witnessAddress\":{\"value\":\"1 Main St\"}}}")
                  .statusCode())
          .isEqualTo(204);
      List<Map<String, Object>> entries =
          since(mark).stream().filter(e -> ((String) e.get("action_code")).startsWith("TASK_")).toList();
      assertThat(entries).extracting(e -> e.get("action_code")).containsExactly("TASK_CLAIMED", "TASK_COMPLETED");
      assertThat(entries).allSatisfy(e -> {
        assertThat(e.get("actor")).isEqualTo("investigator");
        assertThat(e.get("actor_roles")).isEqualTo("investigators");
        assertThat(e.get("client_address")).isNotNull();
        assertThat(e.get("subject")).isEqualTo("AUD-REST-1");
      });
      assertThat((String) entries.get(1).get("details"))
          .contains("\"finding\":\"not sustained\"")
          .contains("\"witnessAddress\":\"***\"")
          .doesNotContain("Main St");
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void loginsFailedLoginsAndBasicRequestsAreRecordedWithoutFlooding() {
    long mark = mark();
    HttpSession.loggedIn(port, "analyst", "demo");
    HttpSession.anonymous(port).login("analyst", "wrong-password");
    HttpSession basic = HttpSession.basic(port, "finance", "demo");
    for (int i = 0; i < 5; i++) {
      basic.get("/engine-rest/task");
    }
    HttpSession.basic(port, "finance", "nope").get("/engine-rest/task");

    List<Map<String, Object>> entries = since(mark);
    assertThat(entries)
        .filteredOn(e -> "LOGIN".equals(e.get("action_code")) && "analyst".equals(e.get("actor")))
        .singleElement()
        .satisfies(e -> {
          assertThat((String) e.get("details")).contains("form");
          assertThat(e.get("actor_roles")).isEqualTo("equality-analysts");
          assertThat(e.get("client_address")).isNotNull();
        });
    assertThat(entries)
        .filteredOn(e -> "LOGIN_FAILED".equals(e.get("action_code")))
        .extracting(e -> e.get("subject"))
        .containsExactly("analyst", "finance");
    // five Basic requests, one entry (per user and address per hour)
    assertThat(entries).filteredOn(e -> "LOGIN".equals(e.get("action_code")) && "finance".equals(e.get("actor"))).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void verifyIsForAuditorsAndProcessAdminsOnly() {
    HttpSession auditor = HttpSession.basic(port, "auditor", "demo");
    var answer = auditor.get("/api/audit/verify");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"valid\":true").contains("\"firstBrokenSequence\":null").contains("\"entries\":");
    assertThat(HttpSession.basic(port, "admin", "demo").get("/api/audit/verify").statusCode()).isEqualTo(200);
    assertThat(HttpSession.basic(port, "investigator", "demo").get("/api/audit/verify").statusCode()).isEqualTo(403);
    assertThat(HttpSession.anonymous(port).get("/api/audit/verify").statusCode()).isEqualTo(401);
  }
}
