package org.probity.equality.internal;

/** Ids from processes/equality-program-approval.bpmn that the code depends on. */
final class EqualityProcess {

  static final String KEY = "equality-program-approval";
  static final String REVISE_PROPOSAL = "UserTask_ReviseProposal";
  static final String CHECK_COMPLETENESS = "UserTask_CheckCompleteness";
  static final String ASSESS_IMPACT = "UserTask_AssessImpact";
  static final String FINANCE_REVIEW = "UserTask_FinanceReview";
  static final String CAST_VOTE = "UserTask_CastVote";
  static final String PLAN_IMPLEMENTATION = "UserTask_PlanImplementation";
  static final String REVIEW_MONITORING_REPORT = "UserTask_ReviewMonitoringReport";

  private EqualityProcess() {}
}
