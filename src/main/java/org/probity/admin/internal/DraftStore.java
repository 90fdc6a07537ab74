package org.probity.admin.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drafts of process changes and the decisions on them (tables {@code admin_draft}, {@code admin_draft_decision}). */
@Repository
class DraftStore {

  enum Status { PENDING, DEPLOYED, REJECTED }

  record Decision(String decidedBy, String decision, String note, Instant decidedAt) {}

  record Draft(
      String id,
      String processKey,
      String resourceName,
      String bpmnXml,
      String changeNote,
      String author,
      Instant createdAt,
      String baseDefinitionId,
      Status status,
      String deploymentId,
      String deployedDefinitionId,
      List<Decision> decisions) {}

  private final JdbcClient jdbc;

  DraftStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Draft insert(String processKey, String resourceName, String bpmnXml, String changeNote, String author, String baseDefinitionId) {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    jdbc.sql(
            """
            insert into admin_draft (id, process_key, resource_name, bpmn_xml, change_note, author, created_at, base_definition_id, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, processKey, resourceName, bpmnXml, changeNote, author, Timestamp.from(now), baseDefinitionId, Status.PENDING.name())
        .update();
    return find(id).orElseThrow();
  }

  Optional<Draft> find(String id) {
    return jdbc.sql("select * from admin_draft where id = ?").param(id).query(this::draft).optional();
  }

  List<Draft> list(Status status) {
    return status == null
        ? jdbc.sql("select * from admin_draft order by created_at desc").query(this::draft).list()
        : jdbc.sql("select * from admin_draft where status = ? order by created_at desc").param(status.name()).query(this::draft).list();
  }

  void decide(String draftId, String decidedBy, String decision, String note) {
    jdbc.sql("insert into admin_draft_decision (draft_id, decided_by, decision, note, decided_at) values (?, ?, ?, ?, ?)")
        .params(draftId, decidedBy, decision, note, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
        .update();
  }

  /** Moves a pending draft on; false if it was no longer pending (someone else decided first). */
  boolean markDeployed(String draftId, String deploymentId, String definitionId) {
    return jdbc.sql("update admin_draft set status = ?, deployment_id = ?, deployed_definition_id = ? where id = ? and status = ?")
            .params(Status.DEPLOYED.name(), deploymentId, definitionId, draftId, Status.PENDING.name())
            .update()
        == 1;
  }

  boolean markRejected(String draftId) {
    return jdbc.sql("update admin_draft set status = ? where id = ? and status = ?")
            .params(Status.REJECTED.name(), draftId, Status.PENDING.name())
            .update()
        == 1;
  }

  private Draft draft(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String id = rs.getString("id");
    List<Decision> decisions =
        jdbc.sql("select decided_by, decision, note, decided_at from admin_draft_decision where draft_id = ? order by decided_at")
            .param(id)
            .query((d, i) -> new Decision(d.getString(1), d.getString(2), d.getString(3), d.getTimestamp(4).toInstant()))
            .list();
    return new Draft(
        id,
        rs.getString("process_key"),
        rs.getString("resource_name"),
        rs.getString("bpmn_xml"),
        rs.getString("change_note"),
        rs.getString("author"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("base_definition_id"),
        Status.valueOf(rs.getString("status")),
        rs.getString("deployment_id"),
        rs.getString("deployed_definition_id"),
        decisions);
  }
}
