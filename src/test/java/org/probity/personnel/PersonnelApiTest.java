package org.probity.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.personnel.PersonnelTesting.serviceNumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/personnel} over real HTTP: who may do what, what each role sees, and bad input. */
@ProbityTest
class PersonnelApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PersonnelRegistry registry;

  @Test
  void anonymousCallersGet401() {
    HttpSession anonymous = HttpSession.anonymous(port);
    assertThat(anonymous.get("/api/personnel").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/personnel/PD-1001").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/personnel/statistics").statusCode()).isEqualTo(401);
    // an anonymous POST carries neither credentials nor a CSRF token: the CSRF filter answers first (403)
    String number = serviceNumber("AN");
    assertThat(anonymous.postJson("/api/personnel", registration(number, "Anne Nobody")).statusCode()).isIn(401, 403);
    assertThat(stored(number)).isZero();
  }

  @Test
  void vettingOfficersAndProcessAdminsRegisterOthersGet403AndNothingIsStored() throws Exception {
    String number = serviceNumber("API");
    HttpResponse<String> created = as("vetting").postJson("/api/personnel", registration(number.toLowerCase(), "Zoë Ndayishimiye"));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    assertThat(body.get("serviceNumber").asText()).isEqualTo(number);
    assertThat(body.get("fullName").asText()).isEqualTo("Zoë Ndayishimiye");
    assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(body.get("vettingStatus").asText()).isEqualTo("NOT_VETTED");
    assertThat(body.has("group")).isFalse();

    // process administrators may register, but do not read names back
    HttpResponse<String> byAdmin = as("admin").postJson("/api/personnel", registration(serviceNumber("ADM"), "Ada Loaded"));
    assertThat(byAdmin.statusCode()).isEqualTo(201);
    assertThat(byAdmin.body()).doesNotContain("Ada Loaded").contains("PERSONNEL-");

    for (String user : new String[] {"investigator", "intake", "auditor", "analyst", "finance", "panel1", "chair"}) {
      String other = serviceNumber("NO");
      assertThat(as(user).postJson("/api/personnel", registration(other, "Not Allowed")).statusCode()).as(user).isEqualTo(403);
      assertThat(stored(other)).as(user).isZero();
    }
  }

  @Test
  void aDuplicateServiceNumberIsAConflictWithAClearMessage() throws Exception {
    String number = serviceNumber("DUPAPI");
    assertThat(as("vetting").postJson("/api/personnel", registration(number, "First Holder")).statusCode()).isEqualTo(201);
    HttpResponse<String> again = as("vetting").postJson("/api/personnel", registration(" " + number.toLowerCase(), "Second Holder"));
    assertThat(again.statusCode()).isEqualTo(409);
    JsonNode error = JSON.readTree(again.body());
    assertThat(error.get("message").asText()).isEqualTo("Service number " + number + " is already registered");
    assertThat(error.get("fields").get("serviceNumber").asText()).isEqualTo("is already registered");
    assertThat(stored(number)).isEqualTo(1);
    assertThat(registry.find(number).orElseThrow().fullName()).isEqualTo("First Holder");
  }

  @Test
  void badInputIsRefusedWith400NamingEachFieldAndNothingIsStored() throws Exception {
    String number = serviceNumber("BAD");
    String body =
        """
        {"serviceNumber": "%s", "fullName": "<img src=x onerror=alert(1)>", "institution": "navy", "unit": ["Central"],
         "rank": 7, "dateOfEntry": "%s", "group": {"ethnicity": "Martian", "caste": "x"}, "isAdmin": true}
        """
            .formatted(number, LocalDate.now().plusYears(1));
    HttpResponse<String> response = as("vetting").postJson("/api/personnel", body);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode fields = JSON.readTree(response.body()).get("fields");
    assertThat(fields.get("fullName").asText()).isEqualTo("must not contain < or > (no markup)");
    assertThat(fields.get("institution").asText()).startsWith("must be one of: POLICE, MILITARY");
    assertThat(fields.get("unit").asText()).isEqualTo("must be text");
    assertThat(fields.get("rank").asText()).isEqualTo("must be text");
    assertThat(fields.get("dateOfEntry").asText()).isEqualTo("must not be in the future");
    assertThat(fields.get("group.ethnicity").asText()).startsWith("must be one of: Group A");
    assertThat(fields.get("group.caste").asText()).isEqualTo("is not a known field");
    assertThat(fields.get("isAdmin").asText()).isEqualTo("is not a known field");
    assertThat(response.body()).doesNotContain("<img");
    assertThat(stored(number)).isZero();

    HttpResponse<String> formats =
        as("vetting")
            .postJson(
                "/api/personnel",
                """
                {"serviceNumber": "PD 1/2", "fullName": "%s", "institution": "POLICE", "unit": "U", "rank": "", "dateOfEntry": "01/02/2020"}
                """
                    .formatted("a".repeat(201)));
    assertThat(formats.statusCode()).isEqualTo(400);
    JsonNode formatFields = JSON.readTree(formats.body()).get("fields");
    assertThat(formatFields.get("serviceNumber").asText()).isEqualTo(ServiceNumber.RULE);
    assertThat(formatFields.get("fullName").asText()).isEqualTo("must be 2 to 200 characters long");
    assertThat(formatFields.get("unit").asText()).isEqualTo("must be 2 to 120 characters long");
    assertThat(formatFields.get("rank").asText()).isEqualTo("is required");
    assertThat(formatFields.get("dateOfEntry").asText()).isEqualTo("must be a date YYYY-MM-DD");

    HttpSession vetting = as("vetting");
    assertThat(vetting.postJson("/api/personnel", "{not json").statusCode()).isEqualTo(400);
    assertThat(vetting.postJson("/api/personnel", "[]").statusCode()).isEqualTo(400);
    String twice = registration(number, "Twice Named").replace("{", "{\"fullName\": \"Other Name\", ");
    assertThat(vetting.postJson("/api/personnel", twice).statusCode()).isEqualTo(400);
    String huge = registration(number, "Huge Body").replace("}", ", \"padding\": \"" + "x".repeat(20_000) + "\"}");
    assertThat(vetting.postJson("/api/personnel", huge).statusCode()).isEqualTo(413);
    HttpResponse<String> plain =
        vetting.send(
            vetting.request("/api/personnel")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(registration(number, "Plain Text")))
                .build());
    assertThat(plain.statusCode()).isEqualTo(415);
    assertThat(stored(number)).isZero();
  }

  @Test
  void readersSeeWhatTheirRoleAllowsOthersGet403() throws Exception {
    String number = serviceNumber("VIS");
    registry.register(PersonnelTesting.person(number, "Нурлан Абенов", "Visibility Unit"), "vetting");
    registry.recordVettingOutcome(
        number, new VettingDecision(LocalDate.now(), VettingOutcome.CLEARED, "VET-2026-000077", null, null), "panel1");

    for (String user : new String[] {"vetting", "panel1", "investigator", "intake", "chair", "member1"}) {
      HttpResponse<String> response = as(user).get("/api/personnel/" + number.toLowerCase());
      assertThat(response.statusCode()).as(user).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get("fullName").asText()).as(user).isEqualTo("Нурлан Абенов");
    }
    JsonNode forInvestigator = JSON.readTree(as("investigator").get("/api/personnel/" + number).body());
    assertThat(forInvestigator.get("vettingStatus").asText()).isEqualTo("CLEARED");
    assertThat(forInvestigator.has("vettingHistory")).isFalse();
    JsonNode forPanel = JSON.readTree(as("panel1").get("/api/personnel/" + number).body());
    assertThat(forPanel.get("vettingHistory").get(0).get("caseReference").asText()).isEqualTo("VET-2026-000077");

    HttpResponse<String> forAuditor = as("auditor").get("/api/personnel/" + number);
    assertThat(forAuditor.statusCode()).isEqualTo(200);
    JsonNode audited = JSON.readTree(forAuditor.body());
    assertThat(audited.has("fullName")).isFalse();
    assertThat(audited.get("pseudonym").asText()).startsWith("PERSONNEL-");
    assertThat(audited.get("vettingHistory")).hasSize(1);
    assertThat(forAuditor.body()).doesNotContain("Нурлан").doesNotContain("Абенов");

    for (String user : new String[] {"admin", "analyst", "finance"}) {
      assertThat(as(user).get("/api/personnel/" + number).statusCode()).as(user).isEqualTo(403);
      assertThat(as(user).get("/api/personnel?unit=Visibility").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(as("vetting").get("/api/personnel/PD-999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void searchByServiceNumberNameAndUnitWithNameSearchOnlyForRolesThatSeeNames() throws Exception {
    HttpResponse<String> byUnit = as("investigator").get("/api/personnel?unit=central%20police&size=100");
    assertThat(byUnit.statusCode()).isEqualTo(200);
    JsonNode page = JSON.readTree(byUnit.body());
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(byUnit.body()).contains("PD-1003").contains("Zoë Ndayishimiye");

    JsonNode byName = JSON.readTree(as("intake").get("/api/personnel?name=zoe%20NDAYISHIMIYE").body());
    assertThat(byName.get("items").findValuesAsText("serviceNumber")).contains("PD-1003");

    JsonNode byNumber = JSON.readTree(as("member1").get("/api/personnel?serviceNumber=pd-1001").body());
    assertThat(byNumber.get("items").findValuesAsText("serviceNumber")).containsExactly("PD-1001");

    // a name search would tie a name to a pseudonym: auditors may not
    assertThat(as("auditor").get("/api/personnel?name=Zoe").statusCode()).isEqualTo(403);
    HttpResponse<String> auditorPage = as("auditor").get("/api/personnel?serviceNumber=PD-100");
    assertThat(auditorPage.statusCode()).isEqualTo(200);
    assertThat(auditorPage.body()).doesNotContain("Ndayishimiye").contains("PERSONNEL-");

    HttpResponse<String> bad = as("vetting").get("/api/personnel?size=1000&page=x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(as("vetting").get("/api/personnel?size=1000").body()).contains("\"size\"");
  }

  @Test
  void statisticsAreForAuditorsTheCommitteeAndVettingOfficersOnly() throws Exception {
    for (String user : new String[] {"auditor", "chair", "member1", "vetting"}) {
      HttpResponse<String> response = as(user).get("/api/personnel/statistics");
      assertThat(response.statusCode()).as(user).isEqualTo(200);
      JsonNode stats = JSON.readTree(response.body());
      assertThat(stats.get("threshold").asInt()).isEqualTo(5);
      assertThat(stats.get("allUnits").get("dimensions").findValuesAsText("name")).containsExactly("ethnicity", "religion", "region", "gender");
      // no count from 1 to 4 is ever shown, and every unit shown has at least 5 people
      assertThat(stats.get("units")).as(user).isNotEmpty();
      for (JsonNode unit : stats.get("units")) {
        assertThat(unit.get("total").asInt()).as(user).isGreaterThanOrEqualTo(5);
        for (JsonNode cell : unit.get("dimensions").findValues("cells")) {
          for (JsonNode c : cell) {
            assertThat(c.get("suppressed").asBoolean() || c.get("count").asInt() == 0 || c.get("count").asInt() >= 5)
                .as(user + " " + unit.get("unit") + " " + c)
                .isTrue();
          }
        }
      }
      assertThat(response.body()).doesNotContain("Ndayishimiye").doesNotContain("PD-10");
    }
    for (String user : new String[] {"investigator", "intake", "panel1", "analyst", "finance", "admin"}) {
      assertThat(as(user).get("/api/personnel/statistics").statusCode()).as(user).isEqualTo(403);
    }
  }

  @Test
  void onlyVettingOfficersChangeAStatusWithAReason() throws Exception {
    String number = serviceNumber("STAPI");
    registry.register(PersonnelTesting.person(number, "Status Api", "Status Unit"), "vetting");
    HttpResponse<String> denied = put(as("investigator"), "/api/personnel/" + number + "/status", "{\"status\":\"SUSPENDED\",\"reason\":\"x y z\"}");
    assertThat(denied.statusCode()).isEqualTo(403);
    HttpResponse<String> bad = put(as("vetting"), "/api/personnel/" + number + "/status", "{\"status\":\"FIRED\",\"why\":\"no\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode fields = JSON.readTree(bad.body()).get("fields");
    assertThat(fields.get("status").asText()).isEqualTo("must be one of: ACTIVE, SUSPENDED, REMOVED");
    assertThat(fields.get("why").asText()).isEqualTo("is not a known field");
    assertThat(fields.get("reason").asText()).isEqualTo("is required");
    assertThat(registry.find(number).orElseThrow().status()).isEqualTo(PersonnelStatus.ACTIVE);

    HttpResponse<String> ok = put(as("vetting"), "/api/personnel/" + number + "/status", "{\"status\":\"suspended\",\"reason\":\"Pending vetting VET-2026-000009\"}");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(registry.find(number).orElseThrow().statusReason()).isEqualTo("Pending vetting VET-2026-000009");
    assertThat(put(as("vetting"), "/api/personnel/PD-999999999/status", "{\"status\":\"ACTIVE\",\"reason\":\"back\"}").statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<String> put(HttpSession session, String path, String json) {
    return session.send(
        session.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private HttpSession as(String user) {
    return HttpSession.basic(port, user, "demo");
  }

  private long stored(String serviceNumber) {
    return jdbc.queryForObject(
        "select count(*) from personnel where service_number = ?", Long.class, ServiceNumber.normalise(serviceNumber));
  }

  static String registration(String serviceNumber, String name) {
    return """
        {"serviceNumber": "%s", "fullName": "%s", "institution": "police", "unit": "Api Test Unit", "rank": "Sergeant",
         "dateOfEntry": "2012-04-01", "group": {"gender": "Female", "region": null}}
        """
        .formatted(serviceNumber, name);
  }
}
