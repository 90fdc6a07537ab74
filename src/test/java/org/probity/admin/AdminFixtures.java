package org.probity.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Shared pieces of the admin tests. */
final class AdminFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private AdminFixtures() {}

  /**
   * A second process administrator ("admin2", password "demo"): the demo accounts hold only one,
   * and change control needs two.
   */
  static void ensureSecondAdministrator(JdbcTemplate jdbc, PasswordEncoder encoder) {
    Integer exists = jdbc.queryForObject("select count(*) from app_user where username = 'admin2'", Integer.class);
    if (exists != null && exists > 0) {
      return;
    }
    jdbc.update(
        "insert into app_user (username, password_hash, display_name, enabled, created_at) values (?, ?, ?, true, ?)",
        "admin2", encoder.encode("demo"), "Second Admin", Timestamp.from(Instant.now()));
    jdbc.update("insert into app_user_role (username, role_id) values ('admin2', 'process-admins')");
  }

  /**
   * Removes every test process of the admin tests (keys starting with "admin-") with its instances
   * and history: the shared context is shared with other modules' tests, which count tasks.
   */
  static void removeTestProcesses(RepositoryService repositoryService) {
    repositoryService.createProcessDefinitionQuery().list().stream()
        .filter(definition -> definition.getKey().startsWith("admin-"))
        .map(ProcessDefinition::getDeploymentId)
        .distinct()
        .forEach(deploymentId -> repositoryService.deleteDeployment(deploymentId, true, true));
    // DMN and form deployments of the tests: their files are named admin-*
    repositoryService.createDeploymentQuery().list().stream()
        .filter(
            deployment ->
                repositoryService.getDeploymentResources(deployment.getId()).stream()
                    .anyMatch(r -> r.getName().startsWith("admin-") && (r.getName().endsWith(".dmn") || r.getName().endsWith(".form"))))
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true, true));
  }

  /** A multipart/form-data body: each part a text field, or a file when its value is a {@code byte[]}. */
  static java.net.http.HttpRequest.BodyPublisher multipart(String boundary, java.util.Map<String, Object> parts) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    parts.forEach(
        (name, value) -> {
          String head =
              value instanceof FilePart file
                  ? "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                  : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n";
          body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
          body.writeBytes(value instanceof FilePart file ? file.content() : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
          body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
  }

  record FilePart(String name, byte[] content) {}

  static String text(String resource) {
    return new String(DeploymentRulesTest.resource(resource), StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  static String body(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
