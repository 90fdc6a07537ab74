package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public portal over real HTTP: filing, status, appeal, and every kind of bad input. */
@ProbityTest
class ComplaintPortalTest {

  static final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PortalRequestGuard guard;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  HttpSession publicClient;

  @BeforeEach
  void fresh() {
    guard.reset();
    publicClient = HttpSession.anonymous(port);
  }

  static Map<String, Object> portalValues() {
    Map<String, Object> v = ComplaintFixtures.anonymous("excessive-force", "medium");
    v.remove("channel");
    return v;
  }

  HttpResponse<String> file(Object body) {
    try {
      return publicClient.postJson("/api/public/complaints", body instanceof String s ? s : json.writeValueAsString(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  int rows() {
    return jdbc.queryForObject("select count(*) from complaint", Integer.class)
        + jdbc.queryForObject("select count(*) from complaint_receipt", Integer.class)
        + jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Integer.class);
  }

  void assertRefused(HttpResponse<String> response, int status, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    if (field != null) {
      assertThat(body.path("fields").has(field)).as(response.body()).isTrue();
    }
  }

  @Test
  void aMemberOfThePublicFilesFollowsAndAppealsWithTheReceiptCode() throws Exception {
    HttpResponse<String> filed = file(portalValues());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    JsonNode answer = json.readTree(filed.body());
    String reference = answer.path("reference").asText();
    String receipt = answer.path("receipt").asText();
    assertThat(receipt).matches("[A-Z2-7]{26}");
    assertThat(jdbc.queryForObject("select channel from complaint where reference = ?", String.class, reference)).isEqualTo("portal");
    assertThat(jdbc.queryForObject("select receipt_hash from complaint_receipt where reference = ?", String.class, reference))
        .isEqualTo(ReceiptCodes.hash(receipt))
        .isNotEqualTo(receipt);

    HttpResponse<String> status = publicClient.get("/api/public/complaints/" + receipt.toLowerCase());
    assertThat(status.statusCode()).isEqualTo(200);
    JsonNode view = json.readTree(status.body());
    assertThat(view.path("reference").asText()).isEqualTo(reference);
    assertThat(view.path("status").asText()).isEqualTo("triage");
    assertThat(status.body()).doesNotContain("baton").doesNotContain("Dupont").doesNotContain("investigator").doesNotContain("Southern");

    // drive the case to its outcome, then appeal on the portal
    String pi = jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);
    var triage = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("UserTask_TriageComplaint").singleResult();
    taskService.complete(triage.getId(), Map.of("route", "internal-investigation"));
    HttpResponse<String> early = publicClient.postJson("/api/public/complaints/" + receipt + "/appeal", "{\"reason\":\"Too early\"}");
    assertThat(early.statusCode()).isEqualTo(409);
    var investigation = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("UserTask_InvestigateComplaint").singleResult();
    taskService.complete(investigation.getId(), Map.of("investigationAction", "findings", "finding1", "not-sustained", "finding1Reason", "Internal note: no CCTV."));
    JsonNode afterOutcome = json.readTree(publicClient.get("/api/public/complaints/" + receipt).body());
    assertThat(afterOutcome.path("appealOpen").asBoolean()).isTrue();
    assertThat(afterOutcome.toString()).contains("not sustained").doesNotContain("Internal note");

    HttpResponse<String> appeal = publicClient.postJson("/api/public/complaints/" + receipt + "/appeal", "{\"reason\":\"Nobody asked the shopkeeper.\"}");
    assertThat(appeal.statusCode()).as(appeal.body()).isEqualTo(202);
    assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("UserTask_ReviewAppeal").count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select reason_enc from complaint_appeal where reference = ?", String.class, reference)).startsWith("v1:").doesNotContain("shopkeeper");
  }

  @Test
  void aForgedOrUnknownReceiptIsAPlain404() throws Exception {
    for (String forged : new String[] {"AAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-code", "x".repeat(300), "%3Cscript%3E"}) {
      HttpResponse<String> response = publicClient.get("/api/public/complaints/" + forged);
      assertThat(response.statusCode()).as(forged).isEqualTo(404);
      assertThat(json.readTree(response.body()).path("message").asText()).contains("No complaint matches this receipt code");
    }
    int before = rows();
    HttpResponse<String> appeal = publicClient.postJson("/api/public/complaints/AAAAAAAAAAAAAAAAAAAAAAAAAA/appeal", "{\"reason\":\"x\"}");
    assertThat(appeal.statusCode()).isEqualTo(404);
    assertThat(rows()).isEqualTo(before);
  }

  static Stream<Arguments> badInputs() {
    Stream.Builder<Arguments> cases = Stream.builder();
    // each text field one character over its limit
    IntakeRules.INTAKE_FORM.fields().values().stream()
        .filter(f -> f.maxLength() != null)
        .forEach(f -> {
          Map<String, Object> v = portalValues();
          v.put(f.key(), "a".repeat(f.maxLength() + 1));
          cases.add(Arguments.of("too long: " + f.key(), v, f.key()));
        });
    // each required field missing
    IntakeRules.INTAKE_FORM.fields().values().stream()
        .filter(f -> f.required() && !f.key().equals("channel"))
        .forEach(f -> {
          Map<String, Object> v = portalValues();
          v.remove(f.key());
          cases.add(Arguments.of("missing: " + f.key(), v, f.key()));
        });
    // each closed list given a value outside it
    IntakeRules.INTAKE_FORM.fields().values().stream()
        .filter(f -> !f.values().isEmpty() && !f.key().equals("channel"))
        .forEach(f -> {
          Map<String, Object> v = portalValues();
          v.put(f.key(), "something-else");
          if (f.key().endsWith("Severity")) {
            v.put(f.key().replace("Severity", "Type"), "threats");
          }
          cases.add(Arguments.of("not allowed: " + f.key(), v, f.key()));
        });
    Map<String, Object> unknown = portalValues();
    unknown.put("isAdmin", "true");
    cases.add(Arguments.of("unknown field", unknown, "isAdmin"));
    Map<String, Object> channel = portalValues();
    channel.put("channel", "referral");
    cases.add(Arguments.of("channel is the portal's", channel, "channel"));
    Map<String, Object> number = portalValues();
    number.put("incidentLocation", 42);
    cases.add(Arguments.of("wrong type: number", number, "incidentLocation"));
    Map<String, Object> list = portalValues();
    list.put("allegation1Type", java.util.List.of("threats", "other"));
    cases.add(Arguments.of("wrong type: list", list, "allegation1Type"));
    Map<String, Object> html = portalValues();
    html.put("piiNarrative", "They hit me <script>alert(document.cookie)</script> at the market square.");
    cases.add(Arguments.of("script in text", html, "piiNarrative"));
    Map<String, Object> markup = portalValues();
    markup.put("incidentLocation", "<b>Market</b>");
    cases.add(Arguments.of("HTML in text", markup, "incidentLocation"));
    Map<String, Object> date = portalValues();
    date.put("incidentDate", "31/12/2025");
    cases.add(Arguments.of("date format", date, "incidentDate"));
    Map<String, Object> email = portalValues();
    email.put("complainantMode", "open");
    email.put("piiComplainantName", "A Name");
    email.put("piiComplainantEmail", "not-an-address");
    cases.add(Arguments.of("e-mail format", email, "piiComplainantEmail"));
    Map<String, Object> service = portalValues();
    service.put("subjectServiceNumber", "12 34; drop table");
    cases.add(Arguments.of("service number format", service, "subjectServiceNumber"));
    Map<String, Object> control = portalValues();
    control.put("incidentLocation", "Market\u0000square");
    cases.add(Arguments.of("control character", control, "incidentLocation"));
    Map<String, Object> anonymousName = portalValues();
    anonymousName.put("piiComplainantName", "Named Person");
    cases.add(Arguments.of("anonymous with a name", anonymousName, "piiComplainantName"));
    return cases.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRefusedNamingTheFieldAndNothingIsStored(String name, Map<String, Object> body, String field) throws Exception {
    int before = rows();
    assertRefused(file(body), 400, field);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void malformedAndOversizedBodiesAreRefused() throws Exception {
    int before = rows();
    assertRefused(file("{\"incidentLocation\": "), 400, null);
    assertRefused(file("[1,2,3]"), 400, null);
    Map<String, Object> big = new LinkedHashMap<>(portalValues());
    big.put("piiNarrative", "a".repeat(40_000));
    assertRefused(file(big), 413, null);
    HttpResponse<String> text =
        publicClient.send(publicClient.request("/api/public/complaints").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void eachClientAddressIsRateLimited() throws Exception {
    int before = rows();
    Map<String, Object> invalid = portalValues();
    invalid.remove("incidentLocation");
    int refusedAt = -1;
    for (int i = 0; i < 15 && refusedAt < 0; i++) {
      if (file(invalid).statusCode() == 429) {
        refusedAt = i;
      }
    }
    assertThat(refusedAt).isEqualTo(10);
    assertRefused(file(portalValues()), 429, null);
    assertThat(rows()).isEqualTo(before);
    guard.reset();
    assertThat(file(portalValues()).statusCode()).isEqualTo(201);
  }

  @Test
  void thePortalPagesWorkWithoutLoginAndWithTheCsrfToken() {
    HttpResponse<String> index = publicClient.get("/portal");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("viewport").contains("Receipt code");
    HttpResponse<String> form = publicClient.get("/portal/complaint");
    assertThat(form.statusCode()).isEqualTo(200);
    String token = HttpSession.csrfTokenFrom(form.body());

    Map<String, String> fields = new LinkedHashMap<>();
    portalValues().forEach((k, v) -> fields.put(k, v.toString()));
    int before = rows();
    assertThat(publicClient.postForm("/portal/complaint", fields).statusCode()).as("without the CSRF token").isEqualTo(403);
    assertThat(rows()).isEqualTo(before);

    fields.put("_csrf", token);
    fields.put("incidentLocation", "");
    HttpResponse<String> invalid = publicClient.postForm("/portal/complaint", fields);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("is required");
    assertThat(rows()).isEqualTo(before);

    fields.put("incidentLocation", "Bus station");
    fields.put("_csrf", HttpSession.csrfTokenFrom(invalid.body()));
    HttpResponse<String> filed = publicClient.postForm("/portal/complaint", fields);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
    String receipt = filed.body().replaceAll("(?s).*id=\"receipt-code\">([A-Z2-7]{26})<.*", "$1");
    assertThat(receipt).matches("[A-Z2-7]{26}");

    HttpResponse<String> status =
        publicClient.postForm("/portal/status", Map.of("receipt", receipt, "_csrf", HttpSession.csrfTokenFrom(publicClient.get("/portal").body())));
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("CMP-").contains("Being assessed");
    HttpResponse<String> unknown =
        publicClient.postForm("/portal/status", Map.of("receipt", "AAAAAAAAAAAAAAAAAAAAAAAAAA", "_csrf", HttpSession.csrfTokenFrom(publicClient.get("/portal").body())));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No complaint matches this receipt code");
  }

  @org.junit.jupiter.api.AfterEach
  void endRunningComplaints() {
    ComplaintFixtures.endRunningComplaints(runtimeService);
  }
}
