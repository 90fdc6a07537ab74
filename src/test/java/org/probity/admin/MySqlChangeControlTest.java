package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.admin.AdminFixtures.body;
import static org.probity.admin.AdminFixtures.json;
import static org.probity.admin.AdminFixtures.text;

import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Change control's tables on MySQL: a draft is stored, read back with its diff, approved and deployed. */
@MySqlTest
class MySqlChangeControlTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void removeTestProcesses() {
    AdminFixtures.removeTestProcesses(repositoryService);
  }

  @Test
  void aDraftIsStoredDiffedApprovedAndDeployed() {
    AdminFixtures.ensureSecondAdministrator(jdbc, encoder);
    HttpSession author = HttpSession.basic(port, System.getenv("PROBITY_ADMIN_USERNAME"), System.getenv("PROBITY_ADMIN_PASSWORD"));
    HttpSession approver = HttpSession.basic(port, "admin2", "demo");
    String bpmn = text("routing-v1.bpmn").replace("admin-routing", "admin-mysql");
    HttpResponse<String> saved = author.postJson("/api/admin/drafts", body(Map.of("bpmn", bpmn, "changeNote", "Neue Prüfung – ünïcödé")));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String id = json(saved).path("id").asText();
    assertThat(json(author.get("/api/admin/drafts/" + id)).path("changeNote").asText()).isEqualTo("Neue Prüfung – ünïcödé");
    assertThat(author.get("/api/admin/drafts/" + id + "/xml").body()).isEqualTo(bpmn);
    assertThat(json(author.get("/api/admin/drafts/" + id + "/diff")).path("changes").path("added").size()).isEqualTo(6); // the process, its start, task, end and two flows
    assertThat(author.postJson("/api/admin/drafts/" + id + "/approve", "{}").statusCode()).isEqualTo(403);
    HttpResponse<String> approved = approver.postJson("/api/admin/drafts/" + id + "/approve", "{\"note\":\"ok\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(json(approved).path("status").asText()).isEqualTo("DEPLOYED");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("admin-mysql").count()).isEqualTo(1);
  }
}
