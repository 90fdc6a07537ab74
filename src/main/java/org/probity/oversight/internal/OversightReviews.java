package org.probity.oversight.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.probity.oversight.Quorum;
import org.probity.oversight.VoteCount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The review file in Probity's tables: what the process's delegates and listeners record, and what
 * the review API reads. Time is the engine's clock, so that tests which move it see the same time.
 */
@Service
class OversightReviews {

  static final String PARTICIPATE = "participate";
  static final String RECUSE = "recuse";

  record DueInstitution(String institution, String unit) {}

  private final JdbcTemplate jdbc;

  OversightReviews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneId.systemDefault());
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  // --- schedule

  /** The most overdue institution of the schedule, whose next review date moves on by its interval. */
  Optional<DueInstitution> claimDueInstitution() {
    LocalDate today = today();
    List<Map<String, Object>> due =
        jdbc.queryForList(
            "select institution, unit, interval_months from oversight_schedule where next_due <= ?"
                + " order by next_due, institution, unit limit 1",
            java.sql.Date.valueOf(today));
    if (due.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = due.get(0);
    String institution = (String) row.get("institution");
    String unit = (String) row.get("unit");
    int months = ((Number) row.get("interval_months")).intValue();
    jdbc.update(
        "update oversight_schedule set next_due = ? where institution = ? and unit = ?",
        java.sql.Date.valueOf(today.plusMonths(months)),
        institution,
        unit);
    return Optional.of(new DueInstitution(institution, unit));
  }

  // --- the review

  long open(String processInstanceId, String trigger, String complaintReference, String institution, String unit, String reason) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into oversight_review (reference, process_instance_id, trigger_kind, complaint_reference,"
                      + " institution, unit, reason, status, created_at) values (?, ?, ?, ?, ?, ?, ?, 'admissibility', ?)",
                  new String[] {"ID"});
          insert.setString(1, "tmp-" + java.util.UUID.randomUUID().toString().substring(0, 27)); // replaced below
          insert.setString(2, processInstanceId);
          insert.setString(3, trigger);
          insert.setString(4, complaintReference);
          insert.setString(5, institution);
          insert.setString(6, unit);
          insert.setString(7, reason);
          insert.setTimestamp(8, ts(now()));
          return insert;
        },
        keys);
    long id = keys.getKey().longValue();
    jdbc.update("update oversight_review set reference = ? where id = ?", referenceOf(id), id);
    return id;
  }

  String referenceOf(long id) {
    return String.format("OVR-%d-%06d", today().getYear(), id);
  }

  String reference(long id) {
    return jdbc.queryForObject("select reference from oversight_review where id = ?", String.class, id);
  }

  Optional<Long> idOfReference(String reference) {
    return jdbc.queryForList("select id from oversight_review where reference = ?", Long.class, reference).stream().findFirst();
  }

  void setStatus(long id, String status) {
    jdbc.update("update oversight_review set status = ? where id = ?", status, id);
  }

  void setTermsOfReference(long id, String institution, String unit, String scope, String questions, LocalDate deadline) {
    jdbc.update(
        "update oversight_review set institution = ?, unit = ?, scope = ?, questions = ?, report_deadline = ? where id = ?",
        institution,
        unit,
        scope,
        questions,
        deadline == null ? null : java.sql.Date.valueOf(deadline),
        id);
  }

  void recordStatusReason(long id, String reason) {
    jdbc.update("update oversight_review set status_reason = ? where id = ?", reason, id);
  }

  void close(long id, String status, String finalReport) {
    jdbc.update(
        "update oversight_review set status = ?, final_report = coalesce(?, final_report), closed_at = ? where id = ?",
        status,
        finalReport,
        ts(now()),
        id);
  }

  // --- members and recusals

  void inviteMembers(long id, List<String> usernames) {
    for (String username : usernames) {
      jdbc.update("insert into oversight_member (review_id, username) values (?, ?)", id, username);
    }
  }

  /** Every member invited to declare, in username order. */
  List<String> committee(long id) {
    return jdbc.queryForList("select username from oversight_member where review_id = ? order by username", String.class, id);
  }

  /** Members who take part: invited and not recused. */
  List<String> participants(long id) {
    return jdbc.queryForList(
        "select username from oversight_member where review_id = ? and (ruling is null or ruling <> ?) order by username",
        String.class,
        id,
        RECUSE);
  }

  int recusedCount(long id) {
    return jdbc.queryForObject("select count(*) from oversight_member where review_id = ? and ruling = ?", Integer.class, id, RECUSE);
  }

  boolean isParticipant(long id, String username) {
    return participants(id).contains(username);
  }

  boolean isRecused(long id, String username) {
    return jdbc.queryForObject(
            "select count(*) from oversight_member where review_id = ? and username = ? and ruling = ?", Integer.class, id, username, RECUSE)
        > 0;
  }

  void recordDeclaration(long id, String member, boolean conflict, String details) {
    jdbc.update(
        "update oversight_member set conflict_declared = ?, declaration = ?, declared_at = ? where review_id = ? and username = ?",
        conflict,
        details,
        ts(now()),
        id,
        member);
  }

  void recordRuling(long id, String member, String ruling, String reason, String chair) {
    jdbc.update(
        "update oversight_member set ruling = ?, ruling_reason = ?, ruled_by = ?, ruled_at = ? where review_id = ? and username = ?",
        ruling,
        reason,
        chair,
        ts(now()),
        id,
        member);
  }

  // --- inquiry

  long addInformationRequest(long id, String subject, Instant deadline, String by) {
    return insertInquiry(id, "information-request", subject, null, null, deadline, "sent", by);
  }

  long addVisitOrHearing(long id, String kind, String summary, LocalDate date, String attendeesEncrypted, String by) {
    return insertInquiry(id, kind, summary, date, attendeesEncrypted, null, "recorded", by);
  }

  private long insertInquiry(
      long id, String kind, String subject, LocalDate date, String attendees, Instant deadline, String status, String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into oversight_inquiry (review_id, kind, subject, event_date, attendees_enc, deadline_at, status,"
                      + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"ID"});
          insert.setLong(1, id);
          insert.setString(2, kind);
          insert.setString(3, subject);
          insert.setDate(4, date == null ? null : java.sql.Date.valueOf(date));
          insert.setString(5, attendees);
          insert.setTimestamp(6, ts(deadline));
          insert.setString(7, status);
          insert.setString(8, by);
          insert.setTimestamp(9, ts(now()));
          return insert;
        },
        keys);
    return keys.getKey().longValue();
  }

  void markReminded(long inquiryId) {
    jdbc.update("update oversight_inquiry set reminded_at = ?, status = 'reminded' where id = ?", ts(now()), inquiryId);
  }

  void markOverdue(long inquiryId) {
    jdbc.update("update oversight_inquiry set escalated_at = ?, status = 'overdue' where id = ?", ts(now()), inquiryId);
  }

  void recordEscalationNote(long inquiryId, String note) {
    jdbc.update("update oversight_inquiry set answer = ? where id = ?", note, inquiryId);
  }

  void markAnswered(long inquiryId, String answer) {
    jdbc.update(
        "update oversight_inquiry set answered_at = ?, answer = ?, status = 'answered' where id = ?", ts(now()), answer, inquiryId);
  }

  // --- findings and votes

  void recordFinding(long id, String member, String findings) {
    jdbc.update("delete from oversight_finding where review_id = ? and username = ?", id, member);
    jdbc.update(
        "insert into oversight_finding (review_id, username, findings, recorded_at) values (?, ?, ?, ?)", id, member, findings, ts(now()));
  }

  /** Stores the draft to vote on and opens the next round; the new round's number. */
  int openRound(long id, String draft) {
    jdbc.update("update oversight_review set draft_report = ?, draft_round = draft_round + 1, status = 'voting' where id = ?", draft, id);
    return currentRound(id);
  }

  int currentRound(long id) {
    return jdbc.queryForObject("select draft_round from oversight_review where id = ?", Integer.class, id);
  }

  void recordVote(long id, int round, String member, String vote) {
    jdbc.update("delete from oversight_vote where review_id = ? and round_no = ? and username = ?", id, round, member);
    jdbc.update(
        "insert into oversight_vote (review_id, round_no, username, vote, cast_at) values (?, ?, ?, ?, ?)",
        id,
        round,
        member,
        vote,
        ts(now()));
  }

  /** Counts the round's votes of members still taking part, and records the result. */
  VoteCount.Outcome countVotes(long id, int round, Quorum quorum) {
    List<String> participants = participants(id);
    int eligible = committee(id).size();
    int recused = recusedCount(id);
    int[] split = new int[3];
    for (Map<String, Object> row :
        jdbc.queryForList("select username, vote from oversight_vote where review_id = ? and round_no = ?", id, round)) {
      if (!participants.contains((String) row.get("username"))) {
        continue; // a recused member's vote never counts
      }
      switch ((String) row.get("vote")) {
        case "for" -> split[0]++;
        case "against" -> split[1]++;
        default -> split[2]++;
      }
    }
    VoteCount count = new VoteCount(eligible, recused, split[0], split[1], split[2]);
    VoteCount.Outcome outcome = count.outcome(quorum);
    jdbc.update(
        "insert into oversight_vote_result (review_id, round_no, eligible, recused, votes_for, votes_against, abstentions,"
            + " quorum_rule, outcome, counted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        round,
        eligible,
        recused,
        split[0],
        split[1],
        split[2],
        quorum.toString(),
        outcome.name(),
        ts(now()));
    return outcome;
  }

  // --- recommendations

  int addRecommendation(long id, String text, String addressee, LocalDate deadline) {
    Integer last = jdbc.queryForObject("select max(seq_no) from oversight_recommendation where review_id = ?", Integer.class, id);
    int number = last == null ? 1 : last + 1;
    jdbc.update(
        "insert into oversight_recommendation (review_id, seq_no, body, addressee, deadline, status, updated_at)"
            + " values (?, ?, ?, ?, ?, 'open', ?)",
        id,
        number,
        text,
        addressee,
        java.sql.Date.valueOf(deadline),
        ts(now()));
    return number;
  }

  List<Integer> recommendationNumbers(long id) {
    return jdbc.queryForList("select seq_no from oversight_recommendation where review_id = ? order by seq_no", Integer.class, id);
  }

  /** Open recommendations: not yet rejected or implemented (open or accepted). */
  List<Integer> openRecommendations(long id) {
    return jdbc.queryForList(
        "select seq_no from oversight_recommendation where review_id = ? and status in ('open', 'accepted') order by seq_no",
        Integer.class,
        id);
  }

  void setRecommendationStatus(long id, int number, String status, String note) {
    jdbc.update(
        "update oversight_recommendation set status = ?, status_note = coalesce(?, status_note), updated_at = ?"
            + " where review_id = ? and seq_no = ?",
        status,
        note,
        ts(now()),
        id,
        number);
  }

  void recordResponse(long id, String summary) {
    jdbc.update("update oversight_review set response_summary = ? where id = ?", summary, id);
  }

  void recordSpecialReport(long id, String decision, String report) {
    jdbc.update("update oversight_review set special_decision = ?, special_report = ? where id = ?", decision, report, id);
  }

  static Date toDate(Instant instant) {
    return Date.from(instant);
  }
}
