package org.probity.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The chair keeps the periodic-review schedule; bad entries are refused naming the field. */
@ProbityTest
class ScheduleApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clean() {
    jdbc.update("delete from oversight_schedule where institution like 'Schedule test%'");
  }

  private java.net.http.HttpResponse<String> put(String user, String json) {
    HttpSession session = HttpSession.basic(port, user, "demo");
    return session.send(session.request("/api/oversight/schedule").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  @Test
  void theChairAddsAndChangesAnEntryAuditorsReadItOthersMayNot() {
    String due = LocalDate.now().plusDays(7).toString();
    assertThat(put("chair", "{\"institution\":\"Schedule test Police\",\"unit\":\"North\",\"intervalMonths\":24,\"nextDue\":\"" + due + "\"}")
            .statusCode()).isEqualTo(200);
    assertThat(put("chair", "{\"institution\":\"Schedule test Police\",\"unit\":\"North\",\"intervalMonths\":12,\"nextDue\":\"" + due + "\"}")
            .statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select interval_months from oversight_schedule where institution = 'Schedule test Police'", Integer.class))
        .isEqualTo(12);
    assertThat(HttpSession.basic(port, "auditor", "demo").get("/api/oversight/schedule").body()).contains("Schedule test Police");
    assertThat(put("member1", "{\"institution\":\"Schedule test X\",\"unit\":\"Y\",\"intervalMonths\":12,\"nextDue\":\"" + due + "\"}")
            .statusCode()).isEqualTo(403);
    assertThat(put("auditor", "{\"institution\":\"Schedule test X\",\"unit\":\"Y\",\"intervalMonths\":12,\"nextDue\":\"" + due + "\"}")
            .statusCode()).isEqualTo(403);
    assertThat(HttpSession.basic(port, "member1", "demo").get("/api/oversight/schedule").statusCode()).isEqualTo(403);
  }

  @Test
  void badEntriesAreRefusedNamingTheFieldAndNothingIsStored() {
    var response = put("chair", "{\"institution\":\"Schedule test <b>\",\"unit\":\"\",\"intervalMonths\":0}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("institution").contains("unit").contains("intervalMonths").contains("nextDue");
    assertThat(put("chair", "{\"institution\":\"Schedule test\",\"unit\":\"U\",\"intervalMonths\":12,\"nextDue\":\"not a date\"}")
            .statusCode()).isEqualTo(400);
    assertThat(put("chair", "{\"institution\":\"Schedule test\",\"unit\":\"U\",\"intervalMonths\":12,\"nextDue\":\"3026-01-01\"}")
            .statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from oversight_schedule where institution like 'Schedule test%'", Integer.class)).isZero();
  }
}
