package org.probity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login for every door: the pages, /api, /engine-rest, Camunda's webapps, actuator. */
@ProbityTest
class AuthenticationTest {

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @Test
  void apiAndEngineRestAnswer401WithoutCredentials() {
    HttpSession anonymous = HttpSession.anonymous(port);
    assertThat(anonymous.get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/whoami").statusCode()).isEqualTo(401);
    assertThat(anonymous.postJson("/api/whoami", "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void wrongPasswordIsRefusedEverywhere() {
    assertThat(HttpSession.basic(port, "investigator", "wrong").get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(HttpSession.basic(port, "nobody", "demo").get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(HttpSession.basic(port, "investigator", "wrong").get("/api/whoami").statusCode()).isEqualTo(401);

    HttpResponse<String> formLogin = HttpSession.anonymous(port).login("investigator", "wrong");
    assertThat(formLogin.statusCode()).isEqualTo(302);
    assertThat(formLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
  }

  @Test
  void requestsAreTimedWholeWithoutAnObservationPerSecurityFilter() {
    assertThat(HttpSession.basic(port, "investigator", "demo").get("/api/whoami").statusCode()).isEqualTo(200);
    assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
    assertThat(meters.getMeters().stream().map(meter -> meter.getId().getName()))
        .noneMatch(name -> name.startsWith("spring.security."));
  }

  @Test
  void rightPasswordOpensEngineRestAndApi() {
    HttpSession investigator = HttpSession.basic(port, "investigator", "demo");
    assertThat(investigator.get("/engine-rest/task").statusCode()).isEqualTo(200);
    HttpResponse<String> whoami = investigator.get("/api/whoami");
    assertThat(whoami.statusCode()).isEqualTo(200);
    assertThat(whoami.body()).contains("\"username\":\"investigator\"").contains("investigators");
  }

  @Test
  void webappsAndPagesRedirectToTheLogin() {
    HttpSession anonymous = HttpSession.anonymous(port);
    for (String path : new String[] {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/"}) {
      HttpResponse<String> response = anonymous.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
  }

  @Test
  void formLoginOpensTheWebappsWithTheSameAccount() {
    HttpSession session = HttpSession.loggedIn(port, "investigator", "demo");
    assertThat(session.get("/").body()).contains("Ivan Investigator");
    // opening a webapp hands the Spring login to Camunda
    assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> camundaUser = session.get("/camunda/api/admin/auth/user/default");
    assertThat(camundaUser.statusCode()).isEqualTo(200);
    assertThat(camundaUser.body()).contains("\"userId\":\"investigator\"").contains("tasklist").doesNotContain("cockpit");
  }

  @Test
  void formPostsWithoutTheCsrfTokenAreRefused() {
    HttpSession session = HttpSession.anonymous(port);
    session.get("/login");
    HttpResponse<String> response = session.postForm("/login", Map.of("username", "investigator", "password", "demo"));
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void sessionCallsToTheApiNeedTheCsrfTokenButBasicCallsDoNot() {
    HttpSession session = HttpSession.loggedIn(port, "investigator", "demo");
    assertThat(session.get("/api/whoami").statusCode()).isEqualTo(200);
    assertThat(session.postJson("/api/whoami", "{}").statusCode()).isEqualTo(403);
    // with its own credentials, a request cannot be forged by another site
    assertThat(HttpSession.basic(port, "investigator", "demo").postJson("/api/whoami", "{}").statusCode())
        .isEqualTo(405);
  }

  @Test
  void logoutEndsTheSession() {
    HttpSession session = HttpSession.loggedIn(port, "auditor", "demo");
    String token = HttpSession.csrfTokenFrom(session.get("/").body());
    HttpResponse<String> logout = session.postForm("/logout", Map.of("_csrf", token));
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(session.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void actuatorShowsHealthToAllMetricsToAdministratorsAndAuditorsAndNothingElse() {
    HttpSession anonymous = HttpSession.anonymous(port);
    assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(HttpSession.basic(port, "intake", "demo").get("/actuator/prometheus").statusCode()).isEqualTo(403);
    HttpResponse<String> metrics = HttpSession.basic(port, "auditor", "demo").get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(HttpSession.basic(port, "admin", "demo").get("/actuator/env").statusCode()).isNotEqualTo(200);
    assertThat(HttpSession.basic(port, "admin", "demo").get("/actuator/beans").statusCode()).isNotEqualTo(200);
  }
}
