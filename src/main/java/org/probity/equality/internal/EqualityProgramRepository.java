package org.probity.equality.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.probity.equality.EqualityProgram;
import org.probity.equality.EqualityPrograms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Probity's own record of equality programs (tables equality_*, migration V8). */
@Repository
class EqualityProgramRepository implements EqualityPrograms {

  record Proposal(String title, String programType, String objectives, String targetGroups, String regions,
      BigDecimal budget, String currency, int durationMonths) {}

  record Indicator(int slot, String name, BigDecimal baseline, BigDecimal target, String direction) {

    /** Whether a value lies on the wrong side of the baseline (the program made things worse). */
    boolean worseThanBaseline(BigDecimal value) {
      int c = value.compareTo(baseline);
      return "increase".equals(direction) ? c < 0 : c > 0;
    }
  }

  record Risk(String groupsGaining, String groupsLosing, String triggers, String triggerNotes, String riskFactors,
      String resilienceFactors, String mitigationPlan, String riskRating) {}

  record Vote(String member, String vote, String reason) {}

  private final JdbcTemplate jdbc;

  EqualityProgramRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the program and returns its id; the reference follows from the id. */
  long create(String processInstanceId, Proposal p, String createdBy) {
    var keys = new GeneratedKeyHolder();
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("""
          insert into equality_program (process_instance_id, title, program_type, objectives, target_groups, regions,
            budget, currency, duration_months, status, created_by, created_at, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
      ps.setString(1, processInstanceId);
      ps.setString(2, p.title());
      ps.setString(3, p.programType());
      ps.setString(4, p.objectives());
      ps.setString(5, p.targetGroups());
      ps.setString(6, p.regions());
      ps.setBigDecimal(7, p.budget());
      ps.setString(8, p.currency());
      ps.setInt(9, p.durationMonths());
      ps.setString(10, createdBy);
      ps.setTimestamp(11, now);
      ps.setTimestamp(12, now);
      return ps;
    }, keys);
    long id = Objects.requireNonNull(keys.getKey()).longValue();
    jdbc.update("update equality_program set reference = ? where id = ?",
        String.format("EQP-%d-%06d", LocalDate.now().getYear(), id), id);
    return id;
  }

  void revise(long id, Proposal p) {
    jdbc.update("""
        update equality_program set title = ?, program_type = ?, objectives = ?, target_groups = ?, regions = ?,
          budget = ?, currency = ?, duration_months = ?, status = 'PROPOSED', revisions = revisions + 1,
          updated_at = ? where id = ?""",
        p.title(), p.programType(), p.objectives(), p.targetGroups(), p.regions(), p.budget(), p.currency(),
        p.durationMonths(), now(), id);
  }

  String reference(long id) {
    return jdbc.queryForObject("select reference from equality_program where id = ?", String.class, id);
  }

  void replaceIndicators(long id, List<Indicator> indicators) {
    jdbc.update("delete from equality_indicator where program_id = ?", id);
    for (Indicator i : indicators) {
      jdbc.update("insert into equality_indicator (program_id, slot, name, baseline, target, direction) values (?, ?, ?, ?, ?, ?)",
          id, i.slot(), i.name(), i.baseline(), i.target(), i.direction());
    }
  }

  List<Indicator> indicators(long id) {
    return jdbc.query("select slot, name, baseline, target, direction from equality_indicator where program_id = ? order by slot",
        (rs, n) -> new Indicator(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5)), id);
  }

  void saveMatrix(long id, int round, ImpactMatrix matrix) {
    for (ImpactMatrix.Cell c : matrix.cells()) {
      jdbc.update("""
          insert into equality_impact_cell (program_id, assessment_round, group_slot, group_name, dimension,
            baseline_gap, expected_change, evidence, data_missing) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          id, round, c.groupSlot(), c.groupName(), c.dimension().name(), c.baselineGap(), c.expectedChange(),
          c.evidence(), c.dataMissing());
    }
  }

  void saveRisk(long id, int round, Risk r) {
    jdbc.update("""
        insert into equality_risk_assessment (program_id, assessment_round, groups_gaining, groups_losing, triggers,
          trigger_notes, risk_factors, resilience_factors, mitigation_plan, risk_rating) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, round, r.groupsGaining(), r.groupsLosing(), r.triggers(), r.triggerNotes(), r.riskFactors(),
        r.resilienceFactors(), r.mitigationPlan(), r.riskRating());
    jdbc.update("update equality_program set risk_rating = ?, updated_at = ? where id = ?", r.riskRating(), now(), id);
  }

  void saveScore(long id, int score, String reasons) {
    jdbc.update("update equality_program set equity_score = ?, score_reasons = ?, updated_at = ? where id = ?",
        score, reasons, now(), id);
  }

  void setStatus(long id, String status) {
    jdbc.update("update equality_program set status = ?, updated_at = ? where id = ?", status, now(), id);
  }

  void close(long id, String outcome) {
    jdbc.update("update equality_program set status = 'CLOSED', outcome = ?, updated_at = ? where id = ?", outcome, now(), id);
  }

  void countMissedReport(long id) {
    jdbc.update("update equality_program set missed_reports = missed_reports + 1, updated_at = ? where id = ?", now(), id);
  }

  void saveVote(long id, int round, Vote v) {
    jdbc.update("insert into equality_committee_vote (program_id, vote_round, member, vote, reason, cast_at) values (?, ?, ?, ?, ?, ?)",
        id, round, v.member(), v.vote(), v.reason(), now());
  }

  /** vote -> count for one round. */
  Map<String, Integer> voteTally(long id, int round) {
    var tally = new java.util.HashMap<String, Integer>();
    jdbc.query("select vote, count(*) from equality_committee_vote where program_id = ? and vote_round = ? group by vote",
        rs -> {
          tally.put(rs.getString(1), rs.getInt(2));
        }, id, round);
    return tally;
  }

  void replaceMilestones(long id, Map<Integer, Map.Entry<String, LocalDate>> milestones) {
    jdbc.update("delete from equality_milestone where program_id = ?", id);
    milestones.forEach((slot, m) -> jdbc.update(
        "insert into equality_milestone (program_id, slot, title, due_date) values (?, ?, ?, ?)",
        id, slot, m.getKey(), java.sql.Date.valueOf(m.getValue())));
  }

  void saveMonitoringReport(long id, BigDecimal[] values, boolean harmObserved, boolean harmSignalled, String notes,
      String filedBy) {
    jdbc.update("""
        insert into equality_monitoring_report (program_id, indicator1_value, indicator2_value, indicator3_value,
          harm_observed, harm_signalled, notes, filed_by, filed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, values[0], values[1], values[2], harmObserved, harmSignalled, notes, filedBy, now());
  }

  @Override
  public Optional<EqualityProgram> findByReference(String reference) {
    return find("reference = ?", reference);
  }

  @Override
  public Optional<EqualityProgram> findByProcessInstance(String processInstanceId) {
    return find("process_instance_id = ?", processInstanceId);
  }

  private Optional<EqualityProgram> find(String where, String value) {
    return jdbc.query("""
        select reference, process_instance_id, title, program_type, budget, currency, duration_months, status,
          revisions, equity_score, score_reasons, risk_rating, missed_reports, outcome
        from equality_program where \s""" + where, EqualityProgramRepository::program, value).stream().findFirst();
  }

  private static EqualityProgram program(ResultSet rs, int n) throws SQLException {
    return new EqualityProgram(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
        rs.getString(6), rs.getInt(7), rs.getString(8), rs.getInt(9), (Integer) rs.getObject(10, Integer.class),
        rs.getString(11), rs.getString(12), rs.getInt(13), rs.getString(14));
  }

  private static Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now());
  }
}
