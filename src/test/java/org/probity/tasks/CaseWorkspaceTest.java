package org.probity.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.support.H2Statements;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox, task and case pages over real HTTP: entitlement, actions, notes, documents, search. */
@ProbityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseWorkspaceTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  InboxProbe probe;

  @BeforeAll
  void deploy() {
    probe = new InboxProbe(engine).deploy();
  }

  @AfterAll
  void undeploy() {
    probe.undeploy();
  }

  @Test
  void theInboxListsTheGroupsUnclaimedTasksWithTheCaseReferenceAndCounts() {
    ProcessInstance instance = probe.start("WS");
    String page = HttpSession.loggedIn(port, "investigator", "demo").get("/inbox?process=inbox-probe").body();
    assertThat(page).contains(instance.getBusinessKey()).contains("Review the complaint").contains("Inbox probe:");
    // due 2099: neither overdue nor due soon
    assertThat(HttpSession.loggedIn(port, "investigator", "demo").get("/inbox?due=overdue").body())
        .doesNotContain(instance.getBusinessKey());
    // another group sees nothing of it
    assertThat(HttpSession.loggedIn(port, "vetting", "demo").get("/inbox").body()).doesNotContain(instance.getBusinessKey());
    // garbage filters fall back to defaults, never a 500
    assertThat(HttpSession.loggedIn(port, "investigator", "demo").get("/inbox?sort=x;drop&dir=up&page=-5&due=%27").statusCode())
        .isEqualTo(200);
  }

  @Test
  void theTaskPageFollowsCamundasGrantsForTheTaskAndItsProcess() {
    ProcessInstance instance = probe.start("WS");
    String taskId = probe.taskId(instance);
    AuthorizationService authorizations = engine.getAuthorizationService();
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    HttpSession vetting = HttpSession.loggedIn(port, "vetting", "demo");
    assertThat(investigator.get("/tasks/" + taskId).statusCode()).isEqualTo(200);
    assertThat(vetting.get("/tasks/" + taskId).statusCode()).isEqualTo(404);
    // without the grant Camunda gave the candidate group on the task, the task is gone for them
    List<Authorization> taskGrants =
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).groupIdIn("investigators").list();
    assertThat(taskGrants).isNotEmpty();
    taskGrants.forEach(a -> authorizations.deleteAuthorization(a.getId()));
    assertThat(investigator.get("/tasks/" + taskId).statusCode()).isEqualTo(404);
    // READ_TASK on the task's process reaches it, as in Camunda's task query
    Authorization onProcess = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    onProcess.setGroupId("vetting-officers");
    onProcess.setResource(Resources.PROCESS_DEFINITION);
    onProcess.setResourceId("inbox-probe");
    onProcess.addPermission(ProcessDefinitionPermissions.READ_TASK);
    String grantId = authorizations.saveAuthorization(onProcess).getId();
    try {
      assertThat(vetting.get("/tasks/" + taskId).statusCode()).isEqualTo(200);
      engine.getIdentityService().setAuthentication("vetting", List.of("vetting-officers"));
      try {
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    } finally {
      authorizations.deleteAuthorization(grantId);
    }
    assertThat(vetting.get("/tasks/" + taskId).statusCode()).isEqualTo(404);
  }

  @Test
  void aTaskOrCaseOutsideTheUsersGroupsIsNotFoundEvenByUrl() {
    ProcessInstance instance = probe.start("WS");
    String taskId = probe.taskId(instance);
    HttpSession vetting = HttpSession.loggedIn(port, "vetting", "demo");
    assertThat(vetting.get("/tasks/" + taskId).statusCode()).isEqualTo(404);
    assertThat(vetting.get("/cases/" + instance.getBusinessKey()).statusCode()).isEqualTo(404);
    String csrf = HttpSession.csrfTokenFrom(vetting.get("/cases").body());
    assertThat(vetting.postForm("/tasks/" + taskId, Map.of("_csrf", csrf, "assessment", "x", "admissible", "yes")).statusCode())
        .isEqualTo(404);
    assertThat(vetting.postForm("/tasks/" + taskId + "/claim", Map.of("_csrf", csrf)).statusCode()).isEqualTo(404);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(vetting.get("/cases?reference=" + instance.getBusinessKey()).body()).doesNotContain(instance.getBusinessKey() + "<");
    // the investigators (candidates), the starter and the auditor may read the case
    assertThat(HttpSession.loggedIn(port, "investigator", "demo").get("/cases/" + instance.getBusinessKey()).statusCode()).isEqualTo(200);
    assertThat(HttpSession.loggedIn(port, "intake", "demo").get("/cases/" + instance.getBusinessKey()).statusCode()).isEqualTo(200);
    assertThat(HttpSession.loggedIn(port, "auditor", "demo").get("/cases/" + instance.getBusinessKey()).statusCode()).isEqualTo(200);
    assertThat(HttpSession.loggedIn(port, "auditor", "demo").get("/cases?reference=" + instance.getBusinessKey()).body())
        .contains(instance.getBusinessKey());
    assertThat(HttpSession.anonymous(port).get("/cases/" + instance.getBusinessKey()).statusCode()).isEqualTo(302);
  }

  @Test
  void claimGiveBackAndHandOverWithinTheGroup() {
    ProcessInstance instance = probe.start("WS");
    String taskId = probe.taskId(instance);
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    String csrf = HttpSession.csrfTokenFrom(investigator.get("/tasks/" + taskId).body());
    assertThat(investigator.postForm("/tasks/" + taskId + "/claim", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
    assertThat(task(taskId).getAssignee()).isEqualTo("investigator");
    assertThat(investigator.get("/inbox?assignment=mine").body()).contains(instance.getBusinessKey());

    // handing over to someone outside the group is refused, nothing changes
    assertThat(investigator.postForm("/tasks/" + taskId + "/delegate", Map.of("_csrf", csrf, "to", "vetting")).statusCode()).isEqualTo(400);
    assertThat(task(taskId).getAssignee()).isEqualTo("investigator");
    assertThat(investigator.postForm("/tasks/" + taskId + "/delegate", Map.of("_csrf", csrf, "to", "investigator2")).statusCode()).isEqualTo(302);
    assertThat(task(taskId).getAssignee()).isEqualTo("investigator2");
    // now held by someone else: completing it is refused with the reason, the task stays theirs
    HttpResponse<String> held = investigator.postForm("/tasks/" + taskId, Map.of("_csrf", csrf, "assessment", "Credible", "admissible", "yes"));
    assertThat(held.statusCode()).isEqualTo(400);
    assertThat(held.body()).contains("the task is assigned to investigator2");
    assertThat(task(taskId).getAssignee()).isEqualTo("investigator2");
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(taskId).userId("investigator").operationType("Assign").count())
        .isEqualTo(1);

    HttpSession second = HttpSession.loggedIn(port, "investigator2", "demo");
    String csrf2 = HttpSession.csrfTokenFrom(second.get("/tasks/" + taskId).body());
    assertThat(second.postForm("/tasks/" + taskId + "/unclaim", Map.of("_csrf", csrf2)).statusCode()).isEqualTo(302);
    assertThat(task(taskId).getAssignee()).isNull();
    // without the CSRF token nothing happens
    assertThat(second.postForm("/tasks/" + taskId + "/claim", Map.of()).statusCode()).isEqualTo(403);
    assertThat(task(taskId).getAssignee()).isNull();
  }

  @Test
  void completingThroughTheFormStoresTypedValuesAndTheCasePageShowsTheTimeline() {
    ProcessInstance instance = probe.start("WS");
    String taskId = probe.taskId(instance);
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    String form = investigator.get("/tasks/" + taskId).body();
    assertThat(form).contains("name=\"assessment\"").contains("maxlength=\"20\"").contains("required").contains("type=\"radio\"")
        .contains("min=\"0\"").contains("max=\"50\"").contains("Rough arrest at a checkpoint");
    String csrf = HttpSession.csrfTokenFrom(form);
    HttpResponse<String> done =
        investigator.postForm(
            "/tasks/" + taskId, Map.of("_csrf", csrf, "assessment", "Credible", "admissible", "yes", "witnesses", "3", "reasons", "Two witnesses"));
    assertThat(done.statusCode()).isEqualTo(302);
    Map<String, Object> vars = engine.getRuntimeService().getVariables(instance.getId());
    assertThat(vars).containsEntry("assessment", "Credible").containsEntry("admissible", "yes").containsEntry("witnesses", 3L);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getEndTime()).isNotNull();

    String casePage = investigator.get("/cases/" + instance.getBusinessKey()).body();
    assertThat(casePage).contains("Finished: Review the complaint").contains("Operation: Complete").contains("Record the finding")
        .contains("assessment").contains("Credible");
  }

  /** Camunda's authorization check of one resource (isUserAuthorizedForResource), for tasks. */
  static final String TASK_CHECK = "%A.RESOURCE_TYPE_ = ?%A.RESOURCE_ID_ = '*'%";

  @Test
  void anUnassignedTaskIsClaimedAndCompletedInOneCommandAndARefusalLeavesItUnclaimed() {
    ProcessInstance instance = probe.start("WS");
    String taskId = probe.taskId(instance);
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    String csrf = HttpSession.csrfTokenFrom(investigator.get("/tasks/" + taskId).body());
    // the engine refuses (the required assessment left out): the claim goes back with it
    assertThat(investigator.postForm("/tasks/" + taskId, Map.of("_csrf", csrf, "witnesses", "3")).statusCode()).isEqualTo(200);
    assertThat(task(taskId).getAssignee()).isNull();

    // the same completion of a task the user already holds (no claim), for comparison
    ProcessInstance held = probe.start("WS");
    String heldTask = probe.taskId(held);
    engine.getTaskService().claim(heldTask, "investigator");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Map<String, String> form = Map.of("_csrf", csrf, "assessment", "Credible", "admissible", "yes");
    Statements withoutClaim = statementsOf(jdbc, () -> assertThat(investigator.postForm("/tasks/" + heldTask, form).statusCode()).isEqualTo(302));
    Statements withClaim = statementsOf(jdbc, () -> assertThat(investigator.postForm("/tasks/" + taskId, form).statusCode()).isEqualTo(302));

    // one command: the task row read once, Camunda's two checks (may read it, may work on it) and
    // no separate look at the grants; one flush: the claim's update of the task row is never
    // written, its check is not asked of the database again, and the assignee's grant, which the
    // completion deletes, is never inserted (the grants written are the next task's)
    for (Statements completion : List.of(withClaim, withoutClaim)) {
      assertThat(completion.taskReads()).isEqualTo(1);
      assertThat(completion.taskUpdates()).isZero();
      assertThat(completion.checks()).isEqualTo(2);
      assertThat(completion.grantReads()).isZero();
    }
    assertThat(withClaim.grantInserts()).isPositive().isEqualTo(withoutClaim.grantInserts());
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_ID_ in (?, ?)", Long.class, taskId, heldTask))
        .isZero();
    // and yet the claim happened: history and the audit trail say who completed the task
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("investigator");
    assertThat(
            jdbc.queryForList(
                "select action_code from audit_entry where subject = ? and action_code like 'TASK_%' order by seq",
                String.class, instance.getBusinessKey()))
        .containsExactly("TASK_CLAIMED", "TASK_COMPLETED");
  }

  @Test
  void aTaskWithoutAFormIsCompletedFromThePageWithoutValues() {
    // a standalone task (no process, so no form): Camunda's check is READ / TASK_WORK on the task
    org.camunda.bpm.engine.TaskService tasks = engine.getTaskService();
    Task standalone = tasks.newTask();
    standalone.setName("Call the complainant back");
    tasks.saveTask(standalone);
    String taskId = standalone.getId();
    try {
      tasks.addCandidateGroup(taskId, "investigators");
      HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
      String page = investigator.get("/tasks/" + taskId).body();
      assertThat(page).contains("Call the complainant back").contains("This task has no form.");
      String csrf = HttpSession.csrfTokenFrom(page);
      // another group neither sees nor completes it
      HttpSession vetting = HttpSession.loggedIn(port, "vetting", "demo");
      assertThat(vetting.get("/tasks/" + taskId).statusCode()).isEqualTo(404);
      String vettingCsrf = HttpSession.csrfTokenFrom(vetting.get("/cases").body());
      assertThat(vetting.postForm("/tasks/" + taskId, Map.of("_csrf", vettingCsrf)).statusCode()).isEqualTo(404);
      assertThat(task(taskId)).isNotNull();
      assertThat(investigator.postForm("/tasks/" + taskId, Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
      assertThat(task(taskId)).isNull();
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
          .isEqualTo("investigator");
    } finally {
      if (task(taskId) != null) {
        tasks.deleteTask(taskId, true);
      } else {
        engine.getHistoryService().deleteHistoricTaskInstance(taskId);
      }
    }
  }

  /**
   * Executions, while some work ran, of reads and updates of the task row, Camunda's authorization
   * check, Probity's own read of grants ({@code CamundaPermissions}) and grant inserts.
   */
  record Statements(long taskReads, long taskUpdates, long checks, long grantReads, long grantInserts) {}

  private static Statements statementsOf(JdbcTemplate jdbc, Runnable work) {
    H2Statements.record(jdbc, true);
    try {
      work.run();
      return new Statements(
          H2Statements.count(jdbc, "select * from ACT_RU_TASK where ID_ = ?") + H2Statements.count(jdbc, "%from ACT_RU_TASK RES%"),
          H2Statements.count(jdbc, "%update ACT_RU_TASK%"),
          H2Statements.count(jdbc, TASK_CHECK),
          H2Statements.count(jdbc, "select RESOURCE_ID_, PERMS_ from ACT_RU_AUTHORIZATION%"),
          H2Statements.count(jdbc, "%insert into ACT_RU_AUTHORIZATION%"));
    } finally {
      H2Statements.record(jdbc, false);
    }
  }

  @Test
  void aNumberThatIsNotANumberIsRefusedWithItsMessageAndTheTypedValuesKept() {
    ProcessInstance instance = probe.start("WS");
    String taskId = probe.taskId(instance);
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    String csrf = HttpSession.csrfTokenFrom(investigator.get("/tasks/" + taskId).body());
    HttpResponse<String> refused =
        investigator.postForm("/tasks/" + taskId, Map.of("_csrf", csrf, "assessment", "Kept text", "witnesses", "three"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Enter a number.").contains("value=\"Kept text\"").contains("value=\"three\"")
        .contains("aria-invalid=\"true\"");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void notesAreAppendedWithAuthorAndTime() {
    ProcessInstance instance = probe.start("WS");
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    String key = instance.getBusinessKey();
    String csrf = HttpSession.csrfTokenFrom(investigator.get("/cases/" + key).body());
    assertThat(investigator.postForm("/cases/" + key + "/notes", Map.of("_csrf", csrf, "body", "Called the <b>station</b>")).statusCode())
        .isEqualTo(302);
    assertThat(investigator.postForm("/cases/" + key + "/notes", Map.of("_csrf", csrf, "body", "  ")).statusCode()).isEqualTo(400);
    String page = investigator.get("/cases/" + key).body();
    assertThat(page).contains("Called the &lt;b&gt;station&lt;/b&gt;").contains("investigator · ");
    HttpSession vetting = HttpSession.loggedIn(port, "vetting", "demo");
    String vettingCsrf = HttpSession.csrfTokenFrom(vetting.get("/cases").body());
    assertThat(vetting.postForm("/cases/" + key + "/notes", Map.of("_csrf", vettingCsrf, "body", "intrusion")).statusCode()).isEqualTo(404);
    assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from case_note where business_key = ?", Long.class, key))
        .isEqualTo(1);
    // the note and the reads of the case are in the audit trail, with their actor
    assertThat(new JdbcTemplate(dataSource).queryForList(
            "select action_code from audit_entry where subject = ? and actor = 'investigator'", String.class, key))
        .contains("NOTE_ADDED", "CASE_READ");
  }

  @Test
  void documentsAreSniffedStoredWithTheirHashAndDownloadableByThoseEntitled() throws Exception {
    ProcessInstance instance = probe.start("WS");
    String key = instance.getBusinessKey();
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    String csrf = HttpSession.csrfTokenFrom(investigator.get("/cases/" + key).body());
    byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(upload(investigator, key, csrf, "statement.pdf", pdf).statusCode()).isEqualTo(302);
    // a script renamed .pdf, an HTML page, an executable: refused by their content
    assertThat(upload(investigator, key, csrf, "evil.pdf", new byte[] {'M', 'Z', 0, 0, 3}).statusCode()).isEqualTo(400);
    assertThat(upload(investigator, key, csrf, "empty.txt", new byte[0]).statusCode()).isEqualTo(400);

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Map<String, Object> row = jdbc.queryForMap("select id, sha256, content_type, size_bytes, uploaded_by from case_document where business_key = ?", key);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    assertThat(row.get("SHA256")).isEqualTo(sha);
    assertThat(row.get("CONTENT_TYPE")).isEqualTo("application/pdf");
    assertThat(((Number) row.get("SIZE_BYTES")).longValue()).isEqualTo(pdf.length);
    assertThat(row.get("UPLOADED_BY")).isEqualTo("investigator");

    String url = "/cases/" + key + "/documents/" + row.get("ID");
    HttpResponse<byte[]> download = investigator.send(investigator.request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains("statement.pdf");
    assertThat(HttpSession.loggedIn(port, "vetting", "demo").get(url).statusCode()).isEqualTo(404);
    assertThat(HttpSession.loggedIn(port, "investigator", "demo").get("/cases/" + key + "/documents/" + UUID.randomUUID()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void searchFindsReadableCasesByReferenceStatusAndDate() {
    ProcessInstance instance = probe.start("SRCH");
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    assertThat(investigator.get("/cases?reference=" + instance.getBusinessKey() + "&status=active").body()).contains(instance.getBusinessKey());
    assertThat(investigator.get("/cases?reference=" + instance.getBusinessKey() + "&status=completed").body())
        .doesNotContain(">" + instance.getBusinessKey() + "<");
    assertThat(investigator.get("/cases?reference=SRCH&from=2000-01-01&to=2000-01-02").body()).doesNotContain(instance.getBusinessKey());
    assertThat(investigator.get("/cases?from=yesterday").statusCode()).isEqualTo(400);
  }

  @Test
  void contributorsAddFactsRelatedCasesAndOfficerAndUnitSearch() {
    ProcessInstance first = probe.start("REL");
    ProcessInstance second = probe.start("REL");
    ProcessInstance third = probe.start("REL");
    ProbeCaseContributor.register(first.getBusinessKey(), "SN-4411", "Jean Mukendi", "Border Unit 7");
    ProbeCaseContributor.register(second.getBusinessKey(), "SN-4411", "Jean Mukendi", "Harbour Police");
    ProbeCaseContributor.register(third.getBusinessKey(), "SN-9001", "Awa Diallo", "Border Unit 7");
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");

    String page = investigator.get("/cases/" + first.getBusinessKey()).body();
    assertThat(page).contains("Subject officer").contains("SN-4411 Jean Mukendi");
    assertThat(page).contains(second.getBusinessKey() + "</a> <span>· same officer").contains(third.getBusinessKey() + "</a> <span>· same unit");
    // the decision evaluated at intake, with its input and outcome
    assertThat(page).contains("Priority of the complaint").contains("Severity = high").contains("Priority level = urgent");

    assertThat(investigator.get("/cases?officer=mukendi").body())
        .contains(first.getBusinessKey()).contains(second.getBusinessKey()).doesNotContain(third.getBusinessKey());
    assertThat(investigator.get("/cases?officer=SN-4411&unit=border").body())
        .contains(first.getBusinessKey()).doesNotContain(second.getBusinessKey()).doesNotContain(third.getBusinessKey());
    assertThat(investigator.get("/cases?officer=nobody-at-all").body()).contains("No case found.");
    // what a contributor knows does not widen entitlement
    assertThat(HttpSession.loggedIn(port, "vetting", "demo").get("/cases?officer=mukendi").body()).doesNotContain(first.getBusinessKey());
  }

  @Test
  void pagesSpeakFrenchToAFrenchBrowser() {
    ProcessInstance instance = probe.start("FR");
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    String inbox = investigator.send(investigator.request("/inbox").header("Accept-Language", "fr-FR,fr;q=0.9").GET().build()).body();
    assertThat(inbox).contains("lang=\"fr\"").contains("Corbeille").contains("Tâches ouvertes par processus").contains("Prendre");
    String casePage =
        investigator.send(investigator.request("/cases/" + instance.getBusinessKey()).header("Accept-Language", "fr").GET().build()).body();
    assertThat(casePage).contains("Chronologie").contains("Qui a fait quoi, et quand").contains("Données du dossier");
  }

  @Test
  void theParentTaskIndexExistsOnCamundasTaskTable() {
    Long count =
        new JdbcTemplate(dataSource)
            .queryForObject(
                "select count(*) from information_schema.index_columns where table_name = 'ACT_RU_TASK' and column_name = 'PARENT_TASK_ID_'",
                Long.class);
    assertThat(count).isGreaterThanOrEqualTo(1);
  }

  private Task task(String id) {
    return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
  }

  private static HttpResponse<String> upload(HttpSession session, String key, String csrf, String name, byte[] content) {
    String boundary = "----probity" + UUID.randomUUID();
    byte[] head =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return session.send(
        session.request("/cases/" + key + "/documents")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }
}
