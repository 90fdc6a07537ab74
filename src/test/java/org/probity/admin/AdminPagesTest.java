package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin pages: for process administrators only (403 for any other role, by URL too; the
 * anonymous are sent to the login), rendered with the catalog's figures, the diagram's and the
 * editor's scripts and styles served.
 */
@ProbityTest
class AdminPagesTest {

  static final List<String> PAGES =
      List.of(
          "/admin",
          "/admin/drafts",
          "/admin/drafts/x",
          "/admin/migrations",
          "/admin/incidents",
          "/admin/versions/x",
          "/admin/versions/x/edit",
          "/admin/instances/x");
  static final List<String> POSTS =
      List.of(
          "/admin/drafts/upload",
          "/admin/drafts/x/approve",
          "/admin/drafts/x/reject",
          "/admin/migrations/preview",
          "/admin/migrations",
          "/admin/incidents/retry",
          "/admin/instances");

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  @Test
  void otherRolesGet403OnEveryPageAndEveryForm() {
    for (String user : List.of("intake", "investigator", "auditor")) {
      HttpSession session = HttpSession.loggedIn(port, user, "demo");
      String home = session.get("/").body();
      assertThat(home).as(user + " sees no Administration link").doesNotContain("id=\"nav-admin\"");
      String token = HttpSession.csrfTokenFrom(home);
      for (String page : PAGES) {
        assertThat(session.get(page).statusCode()).as(user + " GET " + page).isEqualTo(403);
      }
      for (String path : POSTS) {
        HttpResponse<String> answer =
            session.postForm(path, Map.of("_csrf", token, "reason", "r", "changeNote", "n", "action", "cancel", "incidentIds", "x"));
        assertThat(answer.statusCode()).as(user + " POST " + path).isEqualTo(403);
      }
    }
  }

  @Test
  void theAnonymousAreSentToTheLogin() {
    HttpSession anonymous = HttpSession.anonymous(port);
    for (String page : PAGES) {
      HttpResponse<String> answer = anonymous.get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location").orElse("")).as(page).endsWith("/login");
    }
    for (String path : List.of("/api/admin/instances/x/path", "/api/admin/process-definitions/x/resources", "/api/admin/drafts/x/content")) {
      assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void aProcessAdministratorSeesEveryProcessWithItsVersionsAndTheirPages() {
    HttpSession admin = HttpSession.loggedIn(port, "admin", "demo");
    String home = admin.get("/").body();
    assertThat(home).contains("id=\"nav-admin\"");

    HttpResponse<String> list = admin.get("/admin");
    assertThat(list.statusCode()).isEqualTo(200);
    for (String key : List.of("complaint-handling", "personnel-vetting", "oversight-review", "equality-program-approval")) {
      assertThat(list.body()).contains("data-key=\"" + key + "\"");
    }

    ProcessDefinition complaint =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling").latestVersion().singleResult();
    String version = admin.get("/admin/versions/" + complaint.getId()).body();
    assertThat(version)
        .contains("data-bpmn-xml=\"/api/admin/process-definitions/" + complaint.getId() + "/xml\"")
        .contains("/admin/viewer.js")
        .contains("complaint-handling.bpmn");
    String editor = admin.get("/admin/versions/" + complaint.getId() + "/edit").body();
    assertThat(editor).contains("id=\"canvas\"").contains("id=\"properties\"").contains("/admin/modeler.js").contains("name=\"_csrf_header\"");
    assertThat(admin.get("/admin/versions/no-such-version").statusCode()).isEqualTo(404);
    for (String page : List.of("/admin/drafts", "/admin/migrations", "/admin/incidents")) {
      assertThat(admin.get(page).statusCode()).as(page).isEqualTo(200);
    }
    // French
    assertThat(admin.send(admin.request("/admin").header("Accept-Language", "fr").GET().build()).body()).contains("Administration des processus");
  }

  @Test
  void theBundledScriptsAndStylesAreServed() {
    HttpSession user = HttpSession.loggedIn(port, "investigator", "demo");
    HttpResponse<String> css = user.get("/admin/editor.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
    // bpmn-js, diagram-js and the properties panel
    assertThat(css.body()).contains(".bjs-container").contains(".djs-container").contains(".bio-properties-panel");
    HttpResponse<String> diagram = user.get("/admin/diagram.css");
    assertThat(diagram.body()).contains(".djs-container").contains("probity-done").doesNotContain("bio-properties-panel");
    assertThat(user.get("/admin/viewer.js").statusCode()).isEqualTo(200);
    assertThat(user.get("/admin/modeler.js").statusCode()).isEqualTo(200);
  }

  @Test
  void bulkOperationsNeedAReasonOnThePageToo() {
    HttpSession admin = HttpSession.loggedIn(port, "admin", "demo");
    String token = HttpSession.csrfTokenFrom(admin.get("/").body());
    HttpResponse<String> noReason =
        admin.postForm("/admin/instances", Map.of("_csrf", token, "action", "suspend", "processInstanceIds", "x", "reason", " "));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason: is required");
  }
}
