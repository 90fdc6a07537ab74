package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/admin is for process administrators only: 403 for every other role on every path, 401 for no one. */
@ProbityTest
class AdminApiAccessTest {

  @LocalServerPort int port;

  static final List<String> GETS =
      List.of("/api/admin/processes", "/api/admin/drafts", "/api/admin/incidents", "/api/admin/process-definitions/x/xml", "/api/admin/batches/x");
  static final List<String> POSTS =
      List.of(
          "/api/admin/validate",
          "/api/admin/drafts",
          "/api/admin/drafts/x/approve",
          "/api/admin/drafts/x/reject",
          "/api/admin/migrations/preview",
          "/api/admin/migrations",
          "/api/admin/incidents/x/retry",
          "/api/admin/incidents/retry",
          "/api/admin/instances/cancel");

  @Test
  void otherRolesGet403OnEveryPath() {
    for (String user : List.of("auditor", "investigator")) {
      HttpSession session = HttpSession.basic(port, user, "demo");
      for (String path : GETS) {
        assertThat(session.get(path).statusCode()).as(user + " GET " + path).isEqualTo(403);
      }
      for (String path : POSTS) {
        assertThat(session.postJson(path, "{\"reason\":\"r\",\"changeNote\":\"n\"}").statusCode()).as(user + " POST " + path).isEqualTo(403);
      }
    }
  }

  @Test
  void noOneGets401() {
    HttpSession anonymous = HttpSession.anonymous(port);
    assertThat(anonymous.get("/api/admin/processes").statusCode()).isEqualTo(401);
    assertThat(anonymous.postJson("/api/admin/instances/cancel", "{}").statusCode()).isIn(401, 403);
  }

  @Test
  void aProcessAdministratorIsLetIn() {
    HttpSession admin = HttpSession.basic(port, "admin", "demo");
    assertThat(admin.get("/api/admin/processes").statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/admin/incidents").statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/admin/drafts").statusCode()).isEqualTo(200);
  }

  @Test
  void theValidateEndpointAnswersWithViolations() throws Exception {
    HttpSession admin = HttpSession.basic(port, "admin", "demo");
    var good =
        admin.send(
            admin.request("/api/admin/validate?name=good.dmn")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(DeploymentRulesTest.resource("good.dmn")))
                .build());
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(AdminFixtures.json(good).path("valid").asBoolean()).isTrue();

    var bad =
        admin.send(
            admin.request("/api/admin/validate")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(DeploymentRulesTest.resource("script-task.bpmn")))
                .build());
    assertThat(bad.statusCode()).isEqualTo(200);
    var answer = AdminFixtures.json(bad);
    assertThat(answer.path("valid").asBoolean()).isFalse();
    assertThat(answer.path("violations").toString()).contains("\"rule\":\"script-task\"").contains("\"elementId\":\"UserTask_Review\"");
  }
}
