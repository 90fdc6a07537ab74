package org.probity.oversight.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.common.NotFoundException;
import org.probity.common.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review file as JSON. The chair and auditors read every review; a committee member reads the
 * reviews they take part in; a recused member or anyone else gets 403 (also for a reference that
 * does not exist, so that references cannot be probed). Who was heard at a hearing is shown to the
 * chair and participating members, redacted for auditors.
 */
@RestController
@PreAuthorize("hasAnyAuthority('oversight-committee', 'committee-chair', 'auditors')")
class ReviewApi {

  private static final String SUMMARY_COLUMNS =
      "r.reference, r.trigger_kind as trigger_kind, r.complaint_reference, r.institution, r.unit, r.status, r.created_at, r.closed_at";

  private final JdbcTemplate jdbc;
  private final OversightReviews reviews;
  private final PersonalDataCipher cipher;

  ReviewApi(JdbcTemplate jdbc, OversightReviews reviews, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.cipher = cipher;
  }

  @GetMapping("/api/oversight/reviews")
  List<Map<String, Object>> myReviews(Authentication user) {
    if (readsAll(user)) {
      return camel(jdbc.queryForList("select " + SUMMARY_COLUMNS + " from oversight_review r order by r.id desc"));
    }
    return camel(
        jdbc.queryForList(
            "select " + SUMMARY_COLUMNS + " from oversight_review r join oversight_member m on m.review_id = r.id"
                + " where m.username = ? and (m.ruling is null or m.ruling <> ?) order by r.id desc",
            user.getName(),
            OversightReviews.RECUSE));
  }

  @GetMapping("/api/oversight/reviews/{reference}")
  Map<String, Object> review(@PathVariable String reference, Authentication user) {
    Long id = reviews.idOfReference(reference).orElse(null);
    boolean all = readsAll(user);
    if (!all && (id == null || !reviews.isParticipant(id, user.getName()))) {
      throw new AccessDeniedException("Not a participating member of this review");
    }
    if (id == null) {
      throw new NotFoundException("No review " + reference);
    }
    boolean auditorOnly = has(user, "auditors") && !has(user, "committee-chair") && !reviews.isParticipant(id, user.getName());
    Map<String, Object> file =
        camel(
                jdbc.queryForList(
                    "select " + SUMMARY_COLUMNS + ", r.reason, r.scope, r.questions, r.report_deadline, r.status_reason,"
                        + " r.draft_report, r.draft_round, r.response_summary, r.special_decision, r.special_report, r.final_report"
                        + " from oversight_review r where r.id = ?",
                    id))
            .get(0);
    file.put(
        "members",
        camel(
            jdbc.queryForList(
                "select username, conflict_declared, declaration, ruling, ruling_reason, ruled_by from oversight_member"
                    + " where review_id = ? order by username",
                id)));
    List<Map<String, Object>> inquiry =
        camel(
            jdbc.queryForList(
                "select id, kind, subject, event_date, attendees_enc, deadline_at, reminded_at, escalated_at, answered_at,"
                    + " answer, status, recorded_by, recorded_at from oversight_inquiry where review_id = ? order by id",
                id));
    for (Map<String, Object> row : inquiry) {
      Object encrypted = row.remove("attendeesEnc");
      if (encrypted != null) {
        row.put("attendees", auditorOnly ? "[redacted]" : cipher.decrypt((String) encrypted, VisitOrHearingDelegate.ATTENDEES_CONTEXT));
      }
    }
    file.put("inquiry", inquiry);
    file.put(
        "findings",
        camel(jdbc.queryForList("select username, findings, recorded_at from oversight_finding where review_id = ? order by username", id)));
    file.put(
        "votes",
        camel(
            jdbc.queryForList(
                "select round_no, eligible, recused, votes_for, votes_against, abstentions, quorum_rule, outcome, counted_at"
                    + " from oversight_vote_result where review_id = ? order by round_no",
                id)));
    file.put(
        "recommendations",
        camel(
            jdbc.queryForList(
                "select seq_no, body, addressee, deadline, status, status_note, updated_at from oversight_recommendation"
                    + " where review_id = ? order by seq_no",
                id)));
    return file;
  }

  private static boolean readsAll(Authentication user) {
    return has(user, "committee-chair") || has(user, "auditors");
  }

  private static boolean has(Authentication user, String authority) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
  }

  /** Column names as JSON names: trigger_kind -> triggerKind (H2 answers in upper case, MySQL as written). */
  private static List<Map<String, Object>> camel(List<Map<String, Object>> rows) {
    return rows.stream().map(ReviewApi::camel).toList();
  }

  private static Map<String, Object> camel(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach(
        (column, value) -> {
          StringBuilder name = new StringBuilder();
          boolean upper = false;
          for (char c : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
              upper = true;
            } else {
              name.append(upper ? Character.toUpperCase(c) : c);
              upper = false;
            }
          }
          out.put(name.toString(), value);
        });
    return out;
  }
}
