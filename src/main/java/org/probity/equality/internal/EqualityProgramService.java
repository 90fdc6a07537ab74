package org.probity.equality.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.probity.identity.UserDirectory;
import org.probity.oversight.Quorum;
import org.probity.oversight.VoteCount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** What the steps of equality-program-approval do, given the submitted variables. */
@Service
class EqualityProgramService {

  private final Quorum committeeQuorum;

  /** The equity score and whether the program may go on. */
  record Score(int score, String reasons, boolean passed, boolean riskBlocked, String revisionReason) {}

  private final EqualityProgramRepository programs;
  private final EqualityProperties properties;
  private final UserDirectory users;

  EqualityProgramService(
      EqualityProgramRepository programs,
      EqualityProperties properties,
      UserDirectory users,
      @Value("${probity.oversight.quorum:more-than-half}") String committeeQuorum) {
    this.committeeQuorum = Quorum.parse(committeeQuorum);
    this.programs = programs;
    this.properties = properties;
    this.users = users;
  }

  /** Records a new proposal (programId null) or its revision; returns the program id. */
  long recordProposal(Long programId, String processInstanceId, Map<String, Object> variables, String proposedBy) {
    FormValues v = new FormValues(variables);
    var proposal = new EqualityProgramRepository.Proposal(v.text("title"), v.text("programType"), v.text("objectives"),
        v.text("targetGroups"), v.text("regions"), v.decimal("budget"), v.text("currency"),
        v.decimal("durationMonths").intValueExact());
    long id;
    if (programId == null) {
      id = programs.create(processInstanceId, proposal, proposedBy);
    } else {
      id = programId;
      programs.revise(id, proposal);
    }
    List<EqualityProgramRepository.Indicator> indicators = new ArrayList<>();
    for (int i = 1; i <= ProposalRule.INDICATOR_SLOTS; i++) {
      String p = "indicator" + i;
      if (v.has(p + "Name")) {
        indicators.add(new EqualityProgramRepository.Indicator(i, v.text(p + "Name"), v.decimal(p + "Baseline"),
            v.decimal(p + "Target"), v.text(p + "Direction")));
      }
    }
    programs.replaceIndicators(id, indicators);
    return id;
  }

  String reference(long programId) {
    return programs.reference(programId);
  }

  ImpactMatrix recordImpactAssessment(long programId, int round, Map<String, Object> variables) {
    ImpactMatrix matrix = ImpactMatrix.from(variables);
    programs.saveMatrix(programId, round, matrix);
    programs.setStatus(programId, "ASSESSED");
    return matrix;
  }

  /** Records the atrocity-risk lens; returns whether a mitigation plan is present. */
  boolean recordAtrocityRisk(long programId, int round, Map<String, Object> variables) {
    FormValues v = new FormValues(variables);
    List<String> triggers = new ArrayList<>();
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("triggerElections", "elections");
    flags.put("triggerCensus", "census");
    flags.put("triggerEconomicShock", "economic shock");
    flags.put("triggerResourceProjects", "resource projects");
    flags.put("triggerSecurityOperations", "security operations");
    flags.forEach((key, name) -> {
      if (v.flag(key)) {
        triggers.add(name);
      }
    });
    programs.saveRisk(programId, round, new EqualityProgramRepository.Risk(v.text("groupsGaining"),
        v.text("groupsLosing"), String.join(", ", triggers), v.text("triggerNotes"), v.text("riskFactors"),
        v.text("resilienceFactors"), v.text("mitigationPlan"), v.text("riskRating")));
    return v.has("mitigationPlan");
  }

  /** Sums the points of the scoring decision's matching rules (clamped to 0-100) against the pass mark. */
  Score tally(long programId, List<Map<String, Object>> items, String riskRating, boolean mitigationPlanPresent) {
    int sum = 0;
    List<String> reasons = new ArrayList<>();
    for (Map<String, Object> item : items) {
      int points = ((Number) item.get("points")).intValue();
      sum += points;
      reasons.add(item.get("reason") + " (" + (points >= 0 ? "+" : "") + points + ")");
    }
    int score = Math.max(0, Math.min(100, sum));
    String reasonText = String.join("; ", reasons);
    boolean passed = score >= properties.passThreshold();
    boolean riskBlocked = "high".equals(riskRating) && !mitigationPlanPresent;
    String revisionReason = null;
    if (riskBlocked) {
      revisionReason = "High atrocity risk without a mitigation plan: add a mitigation plan or change the program.";
    } else if (!passed) {
      revisionReason = "Equity score " + score + " is below the pass mark of " + properties.passThreshold() + ": "
          + reasonText;
    }
    programs.saveScore(programId, score, reasonText);
    programs.setStatus(programId, revisionReason == null ? "IN_FINANCE_REVIEW" : "IN_REVISION");
    return new Score(score, reasonText, passed, riskBlocked, revisionReason);
  }

  void markInRevision(long programId) {
    programs.setStatus(programId, "IN_REVISION");
  }

  /** The committee members who vote (enabled accounts of oversight-committee), sorted. */
  List<String> openVote(long programId) {
    programs.setStatus(programId, "IN_COMMITTEE");
    return users.membersOf(Role.OVERSIGHT_COMMITTEE).stream().filter(UserAccount::enabled)
        .map(UserAccount::username).sorted().toList();
  }

  void recordVote(long programId, int round, String member, String vote, String reason) {
    programs.saveVote(programId, round, new EqualityProgramRepository.Vote(member, vote, reason));
  }

  /** Counts a round with the oversight committee's quorum and majority rules (and its configured quorum). */
  VoteCount.Outcome countVotes(long programId, int round, int eligible) {
    Map<String, Integer> tally = programs.voteTally(programId, round);
    VoteCount count = new VoteCount(eligible, tally.getOrDefault("recuse", 0), tally.getOrDefault("for", 0),
        tally.getOrDefault("against", 0), tally.getOrDefault("abstain", 0));
    VoteCount.Outcome outcome = count.outcome(committeeQuorum);
    programs.setStatus(programId, outcome.name());
    return outcome;
  }

  /** Records the milestones and answers the monitoring timer cycle (ISO 8601 repeating interval). */
  String recordImplementationPlan(long programId, int durationMonths, Map<String, Object> variables) {
    FormValues v = new FormValues(variables);
    Map<Integer, Map.Entry<String, LocalDate>> milestones = new LinkedHashMap<>();
    for (int m = 1; m <= ImplementationPlanRule.MILESTONE_SLOTS; m++) {
      if (v.has("milestone" + m + "Title")) {
        milestones.put(m, Map.entry(v.text("milestone" + m + "Title"),
            ImplementationPlanRule.dueDate(v.text("milestone" + m + "Due"))));
      }
    }
    programs.replaceMilestones(programId, milestones);
    programs.setStatus(programId, "IMPLEMENTING");
    int interval = properties.monitoringIntervalMonths();
    int reports = Math.max(1, durationMonths / interval);
    return "R" + reports + "/P" + interval + "M";
  }

  String reportGracePeriod() {
    return properties.reportGracePeriod();
  }

  /** Records a monitoring report; harm is signalled when reported or when an indicator is worse than its baseline. */
  boolean recordMonitoringReport(long programId, Map<String, Object> variables, String filedBy) {
    FormValues v = new FormValues(variables);
    BigDecimal[] values = new BigDecimal[3];
    boolean harmObserved = v.flag("harmObserved");
    boolean harmSignalled = harmObserved;
    for (EqualityProgramRepository.Indicator indicator : programs.indicators(programId)) {
      BigDecimal value = v.decimalOrNull("indicator" + indicator.slot() + "Value");
      values[indicator.slot() - 1] = value;
      if (value != null && indicator.worseThanBaseline(value)) {
        harmSignalled = true;
      }
    }
    programs.saveMonitoringReport(programId, values, harmObserved, harmSignalled, v.text("reportNotes"), filedBy);
    return harmSignalled;
  }

  void recordMissedReport(long programId) {
    programs.countMissedReport(programId);
  }

  void suspend(long programId) {
    programs.setStatus(programId, "SUSPENDED");
  }

  void close(long programId, String outcome) {
    programs.close(programId, outcome);
  }
}
