package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.admin.AdminFixtures.json;
import static org.probity.admin.AdminFixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.admin.AdminFixtures.FilePart;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * DMN decisions and forms under the same change control as BPMN: uploaded, checked by the same
 * rules, saved as a draft with its content shown against what is deployed, deployed only when a
 * second administrator approves; deployed files downloadable. Bad input is refused with 400
 * naming what is wrong, and nothing is stored.
 */
@ProbityTest
class ResourceDraftTest {

  static final String BOUNDARY = "probity-test-boundary";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  @Autowired RepositoryService repositoryService;
  HttpSession admin;
  HttpSession admin2;

  @BeforeEach
  void administrators() {
    AdminFixtures.ensureSecondAdministrator(jdbc, encoder);
    admin = HttpSession.basic(port, "admin", "demo");
    admin2 = HttpSession.basic(port, "admin2", "demo");
  }

  @AfterEach
  void removeTestProcesses() {
    AdminFixtures.removeTestProcesses(repositoryService);
  }

  HttpResponse<String> upload(HttpSession session, String path, String fileName, byte[] content, String note, String csrf) {
    Map<String, Object> parts = new LinkedHashMap<>();
    if (csrf != null) {
      parts.put("_csrf", csrf);
    }
    if (content != null) {
      parts.put("file", new FilePart(fileName, content));
    }
    if (note != null) {
      parts.put("changeNote", note);
    }
    return session.send(
        session.request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(AdminFixtures.multipart(BOUNDARY, parts)).build());
  }

  HttpResponse<String> upload(String fileName, byte[] content, String note) {
    return upload(admin, "/api/admin/drafts/upload", fileName, content, note, null);
  }

  int drafts() {
    return jdbc.queryForObject("select count(*) from admin_draft", Integer.class);
  }

  @Test
  void aDecisionIsUploadedDiffedApprovedBySomeoneElseDeployedAndDownloadable() {
    byte[] dmn = DeploymentRulesTest.resource("good.dmn");
    HttpResponse<String> saved = upload("admin-triage.dmn", dmn, "Triage table for the intake");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    JsonNode draft = json(saved);
    assertThat(draft.path("resourceName").asText()).isEqualTo("admin-triage.dmn");
    assertThat(draft.path("resourceType").asText()).isEqualTo("dmn");
    assertThat(draft.path("status").asText()).isEqualTo("PENDING");
    String id = draft.path("id").asText();

    JsonNode diff = json(admin.get("/api/admin/drafts/" + id + "/diff"));
    assertThat(diff.path("before").isNull()).isTrue();
    assertThat(diff.path("after").asText()).contains("decision id=\"admin-triage\"");
    assertThat(admin.get("/api/admin/drafts/" + id + "/content").body()).isEqualTo(new String(dmn, StandardCharsets.UTF_8));
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("admin-triage").count()).isZero();

    // the author cannot approve; a second administrator can
    assertThat(admin.postJson("/api/admin/drafts/" + id + "/approve", "{}").statusCode()).isEqualTo(403);
    JsonNode deployed = json(admin2.postJson("/api/admin/drafts/" + id + "/approve", "{\"note\":\"ok\"}"));
    assertThat(deployed.path("status").asText()).isEqualTo("DEPLOYED");
    String deploymentId = deployed.path("deploymentId").asText();
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("admin-triage").latestVersion().singleResult().getDeploymentId())
        .isEqualTo(deploymentId);
    assertThat(deployed.path("deployedDefinitionId").asText()).startsWith("admin-triage:");
    String resourceId = repositoryService.getDeploymentResources(deploymentId).get(0).getId();
    HttpResponse<String> download = admin.get("/api/admin/deployments/" + deploymentId + "/resources/" + resourceId);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("admin-triage.dmn");
    assertThat(download.body()).isEqualTo(new String(dmn, StandardCharsets.UTF_8));

    // a change to it is shown against the deployed content
    String changed = new String(dmn, StandardCharsets.UTF_8).replace("\"independent\"", "\"external\"");
    String second = json(upload("admin-triage.dmn", changed.getBytes(StandardCharsets.UTF_8), "High severity goes external")).path("id").asText();
    JsonNode secondDiff = json(admin.get("/api/admin/drafts/" + second + "/diff"));
    assertThat(secondDiff.path("baseDefinitionId").asText()).isEqualTo(deploymentId);
    assertThat(secondDiff.path("before").asText()).contains("\"independent\"");
    assertThat(secondDiff.path("after").asText()).contains("\"external\"");
    // and on the draft page
    String page = HttpSession.loggedIn(port, "admin2", "demo").get("/admin/drafts/" + second).body();
    assertThat(page).contains("id=\"content-before\"").contains("&quot;external&quot;").contains("id=\"approve-form\"");
  }

  @Test
  void aFormIsUploadedAndDeployedOnApproval() {
    byte[] form = DeploymentRulesTest.resource("intake.form");
    String id = json(upload("admin-intake.form", form, "Intake form for the test")).path("id").asText();
    JsonNode deployed = json(admin2.postJson("/api/admin/drafts/" + id + "/approve", "{}"));
    assertThat(deployed.path("status").asText()).isEqualTo("DEPLOYED");
    assertThat(repositoryService.getDeploymentResourceNames(deployed.path("deploymentId").asText())).containsExactly("admin-intake.form");
  }

  @Test
  void aVersionsDeployedFilesAreListedAndDownloadable() {
    ProcessDefinition complaint =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling").latestVersion().singleResult();
    JsonNode files = json(admin.get("/api/admin/process-definitions/" + complaint.getId() + "/resources"));
    JsonNode bpmn = null;
    for (JsonNode file : files) {
      if (file.path("name").asText().equals(complaint.getResourceName())) {
        bpmn = file;
      }
    }
    assertThat(bpmn).as(files.toString()).isNotNull();
    assertThat(bpmn.path("type").asText()).isEqualTo("bpmn");
    HttpResponse<String> download = admin.get("/api/admin/deployments/" + complaint.getDeploymentId() + "/resources/" + bpmn.path("id").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(admin.get("/api/admin/process-definitions/" + complaint.getId() + "/xml").body());
    assertThat(admin.get("/api/admin/deployments/" + complaint.getDeploymentId() + "/resources/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsRefusedNamingWhatIsWrongAndNothingIsStored() {
    int before = drafts();
    byte[] dmn = DeploymentRulesTest.resource("good.dmn");

    HttpResponse<String> noNote = upload("admin-triage.dmn", dmn, "  ");
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(json(noNote).path("fields").has("changeNote")).isTrue();

    HttpResponse<String> noFile = upload("x", null, "a note");
    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(json(noFile).path("fields").has("file")).isTrue();

    HttpResponse<String> nothing = upload("x", null, null);
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(json(nothing).path("fields").has("file")).isTrue();
    assertThat(json(nothing).path("fields").has("changeNote")).isTrue();

    HttpResponse<String> empty = upload("admin-empty.dmn", new byte[0], "a note");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).path("fields").path("file").asText()).isEqualTo("is empty");

    HttpResponse<String> wrongType = upload("admin-notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "a note");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(json(wrongType).path("fields").path("file").asText()).contains(".dmn");

    HttpResponse<String> xxe = upload("admin-xxe.dmn", DeploymentRulesTest.resource("xxe.dmn"), "a note");
    assertThat(xxe.statusCode()).isEqualTo(400);
    assertThat(json(xxe).path("fields").has("file")).isTrue();
    assertThat(json(xxe).path("violations").get(0).path("rule").asText()).isEqualTo("xml-doctype");

    HttpResponse<String> badForm = upload("admin-bad.form", DeploymentRulesTest.resource("bad.form"), "a note");
    assertThat(badForm.statusCode()).isEqualTo(400);
    assertThat(json(badForm).path("violations").size()).isPositive();

    HttpResponse<String> script = upload("admin-script.dmn", DeploymentRulesTest.resource("script.dmn"), "a note");
    assertThat(script.statusCode()).isEqualTo(400);
    assertThat(json(script).path("violations").get(0).path("elementId").asText()).isNotBlank();

    assertThat(drafts()).isEqualTo(before);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("admin-triage").count()).isZero();
  }

  @Test
  void thePageUploadSavesADraftOrNamesTheFault() {
    HttpSession session = HttpSession.loggedIn(port, "admin", "demo");
    String token = HttpSession.csrfTokenFrom(session.get("/admin/drafts").body());
    int before = drafts();
    HttpResponse<String> noNote = upload(session, "/admin/drafts/upload", "admin-triage.dmn", DeploymentRulesTest.resource("good.dmn"), "", token);
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(noNote.body()).contains("changeNote: is required");
    HttpResponse<String> script = upload(session, "/admin/drafts/upload", "admin-script.bpmn", DeploymentRulesTest.resource("script-task.bpmn"), "n", token);
    assertThat(script.statusCode()).isEqualTo(400);
    assertThat(script.body()).contains("script-task");
    assertThat(drafts()).isEqualTo(before);

    HttpResponse<String> saved = upload(session, "/admin/drafts/upload", "admin-routing.bpmn", text("routing-v1.bpmn").getBytes(StandardCharsets.UTF_8), "New routing", token);
    assertThat(saved.statusCode()).isEqualTo(302);
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/admin/drafts/");
    assertThat(drafts()).isEqualTo(before + 1);
    String page = session.get(location.substring(location.indexOf("/admin/"))).body();
    assertThat(page).contains("UserTask_Assess").contains("New routing");
  }
}
