package org.probity.complaint.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.probity.complaint.internal.ComplaintRecords.Allegation;
import org.probity.complaint.internal.ComplaintRecords.Assignment;
import org.probity.complaint.internal.ComplaintRecords.Complainant;
import org.probity.complaint.internal.ComplaintRecords.Complaint;
import org.probity.complaint.internal.ComplaintRecords.Conflict;
import org.probity.complaint.internal.ComplaintRecords.Decision;
import org.probity.complaint.internal.ComplaintRecords.Extension;
import org.probity.complaint.internal.ComplaintRecords.Notice;
import org.probity.complaint.internal.ComplaintRecords.Subject;
import org.probity.complaint.internal.ComplaintRecords.VettingRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL for the complaint tables (V5). Runs inside the caller's transaction (the engine's, usually). */
@Repository
class ComplaintStore {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  ComplaintStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The next number of the year; the row lock of the update serialises concurrent intakes. The
   * year's row is created by the first intake in a transaction of its own: created inside the
   * intakes' own (long) transactions, concurrent first intakes of a year deadlocked on MySQL/MariaDB
   * (each waiting insert holds a shared lock on the new key, then both want it exclusively).
   */
  int nextNumber(int year) {
    if (jdbc.update("update complaint_reference_counter set last_value = last_value + 1 where counter_year = ?", year) == 1) {
      return jdbc.queryForObject("select last_value from complaint_reference_counter where counter_year = ?", Integer.class, year);
    }
    try {
      ownTransaction.executeWithoutResult(status -> {
        // a plain read first: once another intake has created the row, inserting would wait on
        // that intake's row lock (held until its own transaction ends)
        Integer rows = jdbc.queryForObject("select count(*) from complaint_reference_counter where counter_year = ?", Integer.class, year);
        if (rows == null || rows == 0) {
          jdbc.update("insert into complaint_reference_counter (counter_year, last_value) values (?, 0)", year);
        }
      });
    } catch (DuplicateKeyException raced) {
      // another intake created the year's row first
    }
    if (jdbc.update("update complaint_reference_counter set last_value = last_value + 1 where counter_year = ?", year) == 1) {
      return jdbc.queryForObject("select last_value from complaint_reference_counter where counter_year = ?", Integer.class, year);
    }
    throw new IllegalStateException("Cannot allocate a complaint reference for " + year);
  }

  void insertComplaint(
      String reference, String processInstanceId, Instant receivedAt, String channel, LocalDate incidentDate,
      String incidentLocation, String narrativeEnc, String registeredBy) {
    jdbc.update(
        "insert into complaint (reference, process_instance_id, received_at, channel, incident_date, incident_location, "
            + "narrative_enc, status, registered_by) values (?, ?, ?, ?, ?, ?, ?, 'received', ?)",
        reference, processInstanceId, ts(receivedAt), channel, incidentDate == null ? null : java.sql.Date.valueOf(incidentDate),
        incidentLocation, narrativeEnc, registeredBy);
  }

  void insertReceipt(String hash, String reference, Instant issuedAt) {
    jdbc.update("insert into complaint_receipt (receipt_hash, reference, issued_at) values (?, ?, ?)", hash, reference, ts(issuedAt));
  }

  Optional<String> referenceByReceiptHash(String hash) {
    return jdbc.queryForList("select reference from complaint_receipt where receipt_hash = ?", String.class, hash).stream().findFirst();
  }

  void insertComplainant(String reference, Complainant c) {
    jdbc.update(
        "insert into complaint_complainant (reference, complainant_mode, name_enc, email_enc, phone_enc, group_ethnicity, "
            + "group_religion, group_region, group_gender) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reference, c.mode(), c.nameEnc(), c.emailEnc(), c.phoneEnc(), c.ethnicity(), c.religion(), c.region(), c.gender());
  }

  void insertSubject(String reference, Subject s) {
    jdbc.update(
        "insert into complaint_subject (reference, service_number, name_enc, unit, rank_title, institution) values (?, ?, ?, ?, ?, ?)",
        reference, s.serviceNumber(), s.nameEnc(), s.unit(), s.rank(), s.institution());
  }

  void insertAllegation(String reference, int position, String type, String severity) {
    jdbc.update(
        "insert into complaint_allegation (reference, position_no, allegation_type, severity) values (?, ?, ?, ?)",
        reference, position, type, severity);
  }

  Optional<Complaint> complaint(String reference) {
    return jdbc.query("select * from complaint where reference = ?", ComplaintStore::complaintRow, reference).stream().findFirst();
  }

  Complainant complainant(String reference) {
    return jdbc.queryForObject(
        "select * from complaint_complainant where reference = ?",
        (rs, i) ->
            new Complainant(
                rs.getString("complainant_mode"), rs.getString("name_enc"), rs.getString("email_enc"), rs.getString("phone_enc"),
                rs.getString("group_ethnicity"), rs.getString("group_religion"), rs.getString("group_region"), rs.getString("group_gender")),
        reference);
  }

  Subject subject(String reference) {
    return jdbc.queryForObject(
        "select * from complaint_subject where reference = ?",
        (rs, i) ->
            new Subject(rs.getString("service_number"), rs.getString("name_enc"), rs.getString("unit"), rs.getString("rank_title"), rs.getString("institution")),
        reference);
  }

  List<Allegation> allegations(String reference) {
    return jdbc.query(
        "select * from complaint_allegation where reference = ? order by position_no",
        (rs, i) ->
            new Allegation(
                rs.getInt("position_no"), rs.getString("allegation_type"), rs.getString("severity"), rs.getString("finding"),
                rs.getString("finding_reason"), rs.getString("finding_by"), instant(rs, "finding_at")),
        reference);
  }

  void setFinding(String reference, int position, String finding, String reason, String by, Instant at) {
    jdbc.update(
        "update complaint_allegation set finding = ?, finding_reason = ?, finding_by = ?, finding_at = ? where reference = ? and position_no = ?",
        finding, reason, by, ts(at), reference, position);
  }

  void setStatus(String reference, String status) {
    jdbc.update("update complaint set status = ? where reference = ?", status, reference);
  }

  void setAcknowledged(String reference, Instant at) {
    jdbc.update("update complaint set acknowledged_at = ? where reference = ? and acknowledged_at is null", ts(at), reference);
  }

  void setRoute(String reference, String recommended, String route, String overrideReason) {
    jdbc.update(
        "update complaint set recommended_route = ?, route = ?, route_override_reason = ? where reference = ?",
        recommended, route, overrideReason, reference);
  }

  void setInvestigator(String reference, String username, Instant due) {
    jdbc.update("update complaint set investigator = ?, investigation_due = ? where reference = ?", username, ts(due), reference);
  }

  void setInvestigationDue(String reference, Instant due) {
    jdbc.update("update complaint set investigation_due = ? where reference = ?", ts(due), reference);
  }

  void setCommitteeDecision(String reference, String decision) {
    jdbc.update("update complaint set committee_decision = ? where reference = ?", decision, reference);
  }

  void setOutcomeNotified(String reference, Instant at, Instant appealDeadline, String disposition) {
    jdbc.update(
        "update complaint set outcome_notified_at = ?, appeal_deadline = ?, disposition = ?, status = 'outcome-notified' where reference = ?",
        ts(at), ts(appealDeadline), disposition, reference);
  }

  void close(String reference, Instant at) {
    jdbc.update("update complaint set status = 'closed', closed_at = ?, appeal_deadline = null where reference = ?", ts(at), reference);
  }

  void insertDecision(String reference, String step, String decision, String reasons, String by, Instant at) {
    jdbc.update(
        "insert into complaint_decision (id, reference, step, decision, reasons, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?)",
        id(), reference, step, decision, reasons, by, ts(at));
  }

  List<Decision> decisions(String reference) {
    return jdbc.query(
        "select * from complaint_decision where reference = ? order by decided_at, id",
        (rs, i) -> new Decision(rs.getString("step"), rs.getString("decision"), rs.getString("reasons"), rs.getString("decided_by"), instant(rs, "decided_at")),
        reference);
  }

  String insertNotice(String reference, String kind, String channel, Instant at, String text, boolean delivered) {
    String id = id();
    jdbc.update(
        "insert into complaint_notice (id, reference, kind, channel, created_at, notice_text, delivered) values (?, ?, ?, ?, ?, ?, ?)",
        id, reference, kind, channel, ts(at), text, delivered);
    return id;
  }

  void markNoticeDelivered(String id) {
    jdbc.update("update complaint_notice set delivered = ? where id = ?", true, id);
  }

  List<Notice> notices(String reference) {
    return jdbc.query(
        "select * from complaint_notice where reference = ? order by created_at, id",
        (rs, i) -> new Notice(rs.getString("kind"), rs.getString("channel"), instant(rs, "created_at"), rs.getString("notice_text"), rs.getBoolean("delivered")),
        reference);
  }

  void insertAssignment(String reference, String username, Instant at, String by, String reason) {
    jdbc.update(
        "insert into complaint_assignment (id, reference, username, assigned_at, assigned_by, reason) values (?, ?, ?, ?, ?, ?)",
        id(), reference, username, ts(at), by, reason);
  }

  List<Assignment> assignments(String reference) {
    return jdbc.query(
        "select * from complaint_assignment where reference = ? order by assigned_at, id",
        (rs, i) -> new Assignment(rs.getString("username"), instant(rs, "assigned_at"), rs.getString("assigned_by"), rs.getString("reason")),
        reference);
  }

  /** Open complaints currently assigned to the investigator: the load the assignment balances. */
  int openCaseload(String username) {
    return jdbc.queryForObject("select count(*) from complaint where investigator = ? and status <> 'closed'", Integer.class, username);
  }

  void insertConflict(String reference, String username, String reason, Instant at) {
    if (jdbc.queryForObject("select count(*) from complaint_conflict where reference = ? and username = ?", Integer.class, reference, username) == 0) {
      jdbc.update(
          "insert into complaint_conflict (reference, username, declared_at, reason) values (?, ?, ?, ?)", reference, username, ts(at), reason);
    }
  }

  List<Conflict> conflicts(String reference) {
    return jdbc.query(
        "select * from complaint_conflict where reference = ? order by declared_at",
        (rs, i) -> new Conflict(rs.getString("username"), instant(rs, "declared_at"), rs.getString("reason")),
        reference);
  }

  void insertExtension(String reference, String by, Instant at, String reason, Instant previousDue, Instant newDue) {
    jdbc.update(
        "insert into complaint_extension (id, reference, requested_by, requested_at, reason, previous_due, new_due) values (?, ?, ?, ?, ?, ?, ?)",
        id(), reference, by, ts(at), reason, ts(previousDue), ts(newDue));
  }

  List<Extension> extensions(String reference) {
    return jdbc.query(
        "select * from complaint_extension where reference = ? order by requested_at",
        (rs, i) -> new Extension(rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("reason"), instant(rs, "previous_due"), instant(rs, "new_due")),
        reference);
  }

  void insertAppeal(String reference, Instant at, String channel, String by, String reasonEnc) {
    jdbc.update(
        "insert into complaint_appeal (id, reference, lodged_at, channel, lodged_by, reason_enc) values (?, ?, ?, ?, ?, ?)",
        id(), reference, ts(at), channel, by, reasonEnc);
  }

  int appeals(String reference) {
    return jdbc.queryForObject("select count(*) from complaint_appeal where reference = ?", Integer.class, reference);
  }

  int complaintsAgainst(String serviceNumber, Instant since) {
    return jdbc.queryForObject(
        "select count(*) from complaint c join complaint_subject s on s.reference = c.reference "
            + "where upper(trim(s.service_number)) = ? and c.received_at >= ?",
        Integer.class, normalised(serviceNumber), ts(since));
  }

  int sustainedSeriousAgainst(String serviceNumber, Instant since) {
    return jdbc.queryForObject(
        "select count(*) from complaint_allegation a join complaint_subject s on s.reference = a.reference "
            + "join complaint c on c.reference = a.reference where upper(trim(s.service_number)) = ? and c.received_at >= ? "
            + "and a.finding = 'sustained' and a.severity in ('serious', 'critical')",
        Integer.class, normalised(serviceNumber), ts(since));
  }

  void insertVettingRequest(String reference, String serviceNumber, Instant at, String reason, String delivery) {
    jdbc.update(
        "insert into complaint_vetting_request (id, reference, service_number, requested_at, reason, delivery) values (?, ?, ?, ?, ?, ?)",
        id(), reference, serviceNumber, ts(at), reason, delivery);
  }

  List<VettingRequest> vettingRequests(String reference) {
    return jdbc.query(
        "select * from complaint_vetting_request where reference = ? order by requested_at",
        (rs, i) -> new VettingRequest(rs.getString("service_number"), instant(rs, "requested_at"), rs.getString("reason"), rs.getString("delivery")),
        reference);
  }

  /** Complaints naming the officer (service number compared trimmed and upper-cased), oldest first. */
  List<Complaint> complaintsAgainst(String serviceNumber) {
    return jdbc.query(
        "select c.* from complaint c join complaint_subject s on s.reference = c.reference "
            + "where upper(trim(s.service_number)) = ? order by c.received_at, c.reference",
        ComplaintStore::complaintRow, normalised(serviceNumber));
  }

  /** References of other complaints naming the same officer, newest first, at most {@code limit}. */
  List<String> otherReferencesAgainst(String serviceNumber, String except, int limit) {
    return jdbc.queryForList(
        "select c.reference from complaint c join complaint_subject s on s.reference = c.reference "
            + "where upper(trim(s.service_number)) = ? and c.reference <> ? order by c.received_at desc, c.reference limit " + limit,
        String.class, normalised(serviceNumber), except);
  }

  /** References of other complaints against officers of the same unit, newest first, at most {@code limit}. */
  List<String> otherReferencesInUnit(String unit, String except, int limit) {
    return jdbc.queryForList(
        "select c.reference from complaint c join complaint_subject s on s.reference = c.reference "
            + "where lower(trim(s.unit)) = ? and c.reference <> ? order by c.received_at desc, c.reference limit " + limit,
        String.class, unit.strip().toLowerCase(java.util.Locale.ROOT), except);
  }

  /** References of complaints whose officer's unit contains the text (case-insensitive). */
  List<String> referencesInUnitLike(String unitPart) {
    return jdbc.queryForList(
        "select reference from complaint_subject where lower(unit) like ? escape '!'",
        String.class, "%" + likeEscaped(unitPart.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
  }

  /** Every subject's reference, service number and encrypted name, a page at a time (keyset on the reference). */
  List<Object[]> subjectsAfter(String afterReference, int pageSize) {
    return jdbc.query(
        "select reference, service_number, name_enc from complaint_subject where reference > ? order by reference limit " + pageSize,
        (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)},
        afterReference);
  }

  /** One page of findings recorded in {@code [from, to)}, in time order; keyset on (time, reference, position). */
  record FindingRow(String reference, int position, String allegationType, String finding, String reason, String by, Instant at) {}

  List<FindingRow> findingsPage(Instant from, Instant to, FindingRow after, int pageSize) {
    String sql =
        "select reference, position_no, allegation_type, finding, finding_reason, finding_by, finding_at from complaint_allegation "
            + "where finding is not null and finding_at >= ? and finding_at < ? "
            + (after == null ? "" : "and (finding_at > ? or (finding_at = ? and (reference > ? or (reference = ? and position_no > ?)))) ")
            + "order by finding_at, reference, position_no limit " + pageSize;
    Object[] args =
        after == null
            ? new Object[] {ts(from), ts(to)}
            : new Object[] {ts(from), ts(to), ts(after.at()), ts(after.at()), after.reference(), after.reference(), after.position()};
    return jdbc.query(
        sql,
        (rs, i) ->
            new FindingRow(
                rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, "finding_at")),
        args);
  }

  private static String normalised(String serviceNumber) {
    return serviceNumber == null ? "" : serviceNumber.strip().toUpperCase(java.util.Locale.ROOT);
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Complaint complaintRow(ResultSet rs, int i) throws SQLException {
    java.sql.Date incident = rs.getDate("incident_date");
    return new Complaint(
        rs.getString("reference"), rs.getString("process_instance_id"), instant(rs, "received_at"), rs.getString("channel"),
        incident == null ? null : incident.toLocalDate(), rs.getString("incident_location"), rs.getString("narrative_enc"),
        rs.getString("status"), rs.getString("registered_by"), instant(rs, "acknowledged_at"), rs.getString("recommended_route"),
        rs.getString("route"), rs.getString("route_override_reason"), rs.getString("investigator"), instant(rs, "investigation_due"),
        rs.getString("committee_decision"), instant(rs, "outcome_notified_at"), instant(rs, "appeal_deadline"),
        rs.getString("disposition"), instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
