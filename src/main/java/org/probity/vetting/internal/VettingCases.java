package org.probity.vetting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The vetting file in Probity's tables ({@code vetting_case}, {@code vetting_records_request},
 * {@code vetting_notice}): the case reference, records requests and their answers, notices to the
 * person. Called by the delegates inside the engine's transaction (same data source), so a failed
 * step stores nothing. Times follow the engine's clock.
 */
@Repository
class VettingCases {

  static final String STATUS_OPEN = "OPEN";
  static final String STATUS_NOT_OPENED = "NOT_OPENED";
  static final String STATUS_CONCLUDED = "CONCLUDED";

  private final JdbcTemplate jdbc;

  VettingCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens a case (or records one that could not be opened) and returns its reference, VET-yyyy-nnnnnn. */
  String open(
      String serviceNumber,
      String reason,
      String complaintReferences,
      String processInstanceId,
      String openedBy,
      String status,
      String statusNote) {
    Instant now = now();
    int year = now.atZone(ZoneOffset.UTC).getYear();
    Integer last = jdbc.queryForObject("select max(reference_seq) from vetting_case where reference_year = ?", Integer.class, year);
    int seq = last == null ? 1 : last + 1;
    String reference = String.format("VET-%d-%06d", year, seq);
    // two cases opened at the same instant collide on the unique (year, seq): one transaction fails and is retried
    jdbc.update(
        "insert into vetting_case (reference, reference_year, reference_seq, service_number, reason, complaint_references, "
            + "process_instance_id, status, status_note, opened_at, opened_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reference,
        year,
        seq,
        clip(serviceNumber == null ? "" : serviceNumber, 32),
        clip(reason == null ? "unspecified" : reason, 32),
        complaintReferences,
        processInstanceId,
        status,
        clip(statusNote, 500),
        Timestamp.from(now),
        clip(openedBy, 64));
    return reference;
  }

  void concluded(String reference, String outcome) {
    jdbc.update(
        "update vetting_case set status = ?, outcome = ?, concluded_at = ? where reference = ?",
        STATUS_CONCLUDED,
        outcome,
        Timestamp.from(now()),
        reference);
  }

  void recordsRequested(String reference, String institution) {
    jdbc.update(
        "insert into vetting_records_request (case_reference, institution, requested_at) values (?, ?, ?)",
        reference,
        institution,
        Timestamp.from(now()));
  }

  void recordsReminderSent(String reference, String institution) {
    jdbc.update(
        "update vetting_records_request set reminded_at = ? where case_reference = ? and institution = ?",
        Timestamp.from(now()),
        reference,
        institution);
  }

  /** The institution's answer: records-found, no-records, or no-answer (deadline passed). */
  void recordsAnswered(String reference, String institution, String result, String replyReference, String replySummary) {
    jdbc.update(
        "update vetting_records_request set answered_at = ?, result = ?, reply_reference = ?, reply_summary = ? "
            + "where case_reference = ? and institution = ?",
        Timestamp.from(now()),
        result,
        clip(replyReference, 80),
        clip(replySummary, 4000),
        reference,
        institution);
  }

  /** A notice to the person (no contact data here: the notice is recorded on the file), with its deadline if any. */
  void notice(String reference, String kind, Instant respondBy) {
    jdbc.update(
        "insert into vetting_notice (id, case_reference, kind, sent_at, respond_by) values (?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        reference,
        kind,
        Timestamp.from(now()),
        respondBy == null ? null : Timestamp.from(respondBy));
  }

  /** One line per institution for the assessor: result, reply reference, summary, whether reminded. */
  String recordsRequestsSummary(String reference) {
    StringBuilder text = new StringBuilder();
    jdbc.query(
        "select institution, result, reply_reference, reply_summary, reminded_at from vetting_records_request "
            + "where case_reference = ? order by institution",
        rs -> {
          text.append(rs.getString("institution"))
              .append(": ")
              .append(rs.getString("result") == null ? "awaiting answer" : rs.getString("result"));
          if (rs.getString("reply_reference") != null) {
            text.append(" (").append(rs.getString("reply_reference")).append(")");
          }
          if (rs.getTimestamp("reminded_at") != null) {
            text.append(", reminded");
          }
          if (rs.getString("reply_summary") != null) {
            text.append(": ").append(rs.getString("reply_summary"));
          }
          text.append("\n");
        },
        reference);
    String summary = text.toString().strip();
    return summary.length() <= 10_000 ? summary : summary.substring(0, 10_000);
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
