package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.probity.admin.DeploymentRulesTest.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every door to the engine is guarded by the same rules: Camunda's REST API (real HTTP, multipart),
 * the webapps' copy of it (Cockpit), and the Java API.
 */
@ProbityTest
class DeploymentGuardTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void removeTestDeployments() {
    repositoryService.createDeploymentQuery().deploymentName("guard-test").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  static HttpRequest.BodyPublisher multipart(String boundary, Map<String, byte[]> files) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nguard-test\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    files.forEach(
        (name, content) -> {
          String part =
              "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
          body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
          body.writeBytes(content);
          body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
  }

  static HttpResponse<String> deploy(HttpSession session, String path, Map<String, byte[]> files, Map<String, String> headers) {
    String boundary = "probity-" + UUID.randomUUID();
    HttpRequest.Builder request =
        session.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(multipart(boundary, files));
    headers.forEach(request::header);
    return session.send(request.build());
  }

  HttpResponse<String> deployAs(String user, Map<String, byte[]> files) {
    return deploy(HttpSession.basic(port, user, "demo"), "/engine-rest/deployment/create", files, Map.of());
  }

  static Map<String, byte[]> files(String... names) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : names) {
      files.put(name, resource(name));
    }
    return files;
  }

  @Test
  void aGoodDeploymentIsAccepted() throws Exception {
    HttpResponse<String> response = deployAs("admin", files("good.bpmn", "intake.form"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json.readTree(response.body()).path("deployedProcessDefinitions").toString()).contains("admin-good");
  }

  @Test
  void aScriptTaskIsRefusedWith400NamingTheElement() throws Exception {
    HttpResponse<String> response = deployAs("admin", files("script-task.bpmn", "intake.form"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("type").asText()).isEqualTo("ParseException");
    assertThat(body.path("message").asText()).contains("script-task").contains("UserTask_Review");
    assertThat(body.path("details").toString()).contains("UserTask_Review");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("admin-good").count()).isZero();
  }

  @Test
  void anXxePayloadIsRefusedWith400AndReadsNothing() {
    HttpResponse<String> response = deployAs("admin", files("xxe.bpmn"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("xml-doctype").doesNotContain("root:");
  }

  @Test
  void anUnknownDelegateIsRefusedWith400() {
    HttpResponse<String> response = deployAs("admin", files("unknown-delegate.bpmn", "intake.form"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("noSuchDelegate");
  }

  @Test
  void anOversizedFileIsRefusedWith400() {
    String good = new String(resource("good.bpmn"), StandardCharsets.UTF_8);
    byte[] big = good.replace("</bpmn:definitions>", "<!--" + "x".repeat(1100 * 1024) + "--></bpmn:definitions>").getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> files = new LinkedHashMap<>(files("intake.form"));
    files.put("big.bpmn", big);
    HttpResponse<String> response = deployAs("admin", files);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("size");
  }

  @Test
  void anOversizedRequestIsRefusedWith400BeforeItIsRead() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      files.put("part" + i + ".bpmn", new byte[1000 * 1024]);
    }
    HttpResponse<String> response = deployAs("admin", files);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("at most");
  }

  @Test
  void whoIsNotAProcessAdministratorGets403() {
    for (String user : new String[] {"auditor", "investigator", "intake"}) {
      HttpResponse<String> response = deployAs(user, files("good.bpmn", "intake.form"));
      assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(403);
    }
    // even with a script task, the answer is about who may deploy, and nothing is deployed
    assertThat(deployAs("auditor", files("script-task.bpmn", "intake.form")).statusCode()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("guard-test").count()).isZero();
  }

  @Test
  void cockpitsCopyOfTheRestApiIsGuardedToo() {
    HttpSession admin = HttpSession.loggedIn(port, "admin", "demo");
    // the webapps hand out their CSRF token on any webapp request
    HttpResponse<String> page = admin.get("/camunda/api/engine/engine/");
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
    HttpResponse<String> response =
        deploy(admin, "/camunda/api/engine/engine/default/deployment/create", files("script-task.bpmn", "intake.form"), Map.of("X-XSRF-TOKEN", token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("script-task");
  }

  @Test
  void theJavaApiIsGuardedToo() {
    assertThatThrownBy(
            () ->
                repositoryService
                    .createDeployment()
                    .name("guard-test")
                    .addInputStream("script-task.bpmn", new java.io.ByteArrayInputStream(resource("script-task.bpmn")))
                    .addInputStream("intake.form", new java.io.ByteArrayInputStream(resource("intake.form")))
                    .deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("script-task");
  }
}
