package org.probity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Camunda sees Probity's accounts as its users and Probity's roles as its groups. */
@ProbityTest
class CamundaIdentityTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder passwordEncoder;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void anAdministratorListsAUsersGroupsThroughEngineRest() throws Exception {
    HttpSession admin = HttpSession.basic(port, "admin", "demo");
    assertThat(ids(admin.get("/engine-rest/group?member=chair").body()))
        .containsExactly("committee-chair", "oversight-committee");
    assertThat(ids(admin.get("/engine-rest/group?member=admin").body()))
        .containsExactly("camunda-admin", "process-admins");
    assertThat(ids(admin.get("/engine-rest/group?member=nobody").body())).isEmpty();
  }

  @Test
  void everyRoleIsAGroupWithItsOwnHyphenatedId() {
    List<String> groups = identityService.createGroupQuery().list().stream().map(Group::getId).toList();
    for (Role role : Role.values()) {
      assertThat(groups).contains(role.id());
    }
    assertThat(identityService.createGroupQuery().groupId("vetting-panel").singleResult().getName()).isEqualTo("Vetting panel");
  }

  @Test
  void groupMembersAndPagingComeFromTheDirectory() {
    assertThat(identityService.createUserQuery().memberOfGroup("vetting-panel").list())
        .extracting(u -> u.getId())
        .containsExactly("panel1", "panel2", "panel3");
    assertThat(identityService.createUserQuery().memberOfGroup("vetting-panel").count()).isEqualTo(3);
    assertThat(identityService.createUserQuery().memberOfGroup("vetting-panel").listPage(1, 1))
        .extracting(u -> u.getId())
        .containsExactly("panel2");
    assertThat(identityService.createUserQuery().userFirstNameLike("Iv%").list())
        .extracting(u -> u.getId())
        .containsExactly("investigator");
    assertThat(identityService.createUserQuery().userId("investigator2").singleResult().getLastName()).isEqualTo("Investigator");
  }

  @Test
  void passwordsAreCheckedAgainstTheDirectorysHash() {
    assertThat(identityService.checkPassword("finance", "demo")).isTrue();
    assertThat(identityService.checkPassword("finance", "Demo")).isFalse();
    assertThat(identityService.checkPassword("nobody", "demo")).isFalse();
    // a disabled account: its hash is right, the account may not sign in
    jdbc.update(
        "insert into app_user (username, password_hash, display_name, email, unit, enabled, created_at) values (?, ?, ?, ?, ?, ?, ?)",
        "disabled-probe", passwordEncoder.encode("a-long-passphrase"), "Disabled probe", null, null, false,
        Timestamp.from(Instant.now()));
    try {
      assertThat(identityService.checkPassword("disabled-probe", "a-long-passphrase")).isFalse();
      jdbc.update("update app_user set enabled = true where username = 'disabled-probe'");
      assertThat(identityService.checkPassword("disabled-probe", "a-long-passphrase")).isTrue();
    } finally {
      jdbc.update("delete from app_user where username = 'disabled-probe'");
    }
  }

  @Test
  void camundasIdentityIsReadOnly() {
    assertThat(identityService.isReadOnly()).isTrue();
    HttpSession admin = HttpSession.basic(port, "admin", "demo");
    int status =
        admin.postJson("/engine-rest/user/create", "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}")
            .statusCode();
    assertThat(status).isBetween(400, 499);
    assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
  }

  private List<String> ids(String body) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode node : json.readTree(body)) {
      ids.add(node.get("id").asText());
    }
    return ids;
  }
}
