package org.probity.vetting.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Names of the process variables of {@code personnel-vetting}, and small readers shared by the delegates. */
final class VettingVariables {

  static final String PROCESS_KEY = "personnel-vetting";
  static final String SYSTEM = "system";

  static final String SERVICE_NUMBER = "serviceNumber";
  static final String REASON = "reason";
  static final String COMPLAINT_REFERENCES = "complaintReferences";
  static final String CASE_REFERENCE = "caseReference";
  static final String CASE_OPENED = "caseOpened";
  static final String CASE_NOT_OPENED_REASON = "caseNotOpenedReason";
  static final String REQUESTED_BY = "requestedBy";

  static final String DECLARATIONS_RESUBMISSION_PERIOD = "declarationsResubmissionPeriod";
  static final String RECORDS_REMINDER_AFTER = "recordsReminderAfter";
  static final String RECORDS_DEADLINE = "recordsDeadline";
  static final String RESPONSE_WINDOW = "responseWindow";
  static final String APPEAL_WINDOW = "appealWindow";

  static final List<String> DECLARATIONS = List.of("assetsDeclared", "priorServiceDeclared", "educationDeclared");
  static final String DECLARATIONS_COMPLETE = "declarationsComplete";
  static final String MISSING_DECLARATIONS = "missingDeclarations";
  static final String DECLARATIONS_RETURNED = "declarationsReturned";
  static final String DECIDED_ON_THE_FILE = "decidedOnTheFile";

  static final String INSTITUTION = "institution";
  static final String RECORDS_FOUND = "recordsFound";
  static final String REPLY_REFERENCE = "replyReference";
  static final String REPLY_SUMMARY = "replySummary";

  static final String COMPLAINT_RECORDS_AVAILABLE = "complaintRecordsAvailable";
  static final String COMPLAINT_RECORDS = "complaintRecords";
  static final String COMPLAINT_RECORD_COUNT = "complaintRecordCount";
  static final String COMPLAINT_PATTERN_FLAG = "complaintPatternFlag";

  static final String ASSESSORS = "assessors";
  static final String PANEL_DECIDERS = "panelDeciders";
  static final String APPEAL_REVIEWED_BY = "appealReviewedBy";
  static final String ADVERSE_INFORMATION = "adverseInformation";
  static final String ADVERSE_SUMMARY = "adverseSummary";
  static final String WRITTEN_RESPONSE_RECEIVED = "writtenResponseReceived";
  static final String HEARING_REQUESTED = "hearingRequested";
  static final String HEARING_DATE = "hearingDate";

  static final String PANEL_DECISION = "panelDecision";
  static final String CONDITIONS = "conditions";
  static final String REVIEW_DATE = "reviewDate";
  static final String APPEAL_DECISION = "appealDecision";
  static final String APPEAL_OUTCOME = "appealOutcome";
  static final String APPEAL_CONDITIONS = "appealConditions";
  static final String APPEAL_REVIEW_DATE = "appealReviewDate";
  static final String APPEALED = "appealed";
  static final String FINAL_DECISION = "finalDecision";
  static final String FINAL_CONDITIONS = "finalConditions";
  static final String FINAL_REVIEW_DATE = "finalReviewDate";
  static final String REMANDS = "remands";

  /** Variables of one assessment round: cleared on remand so that the next round starts blank. */
  static final List<String> ROUND_VARIABLES =
      List.of(
          "conductFinding", "conductEvidence", "financialFinding", "financialEvidence", "qualificationsFinding",
          "qualificationsEvidence", ADVERSE_INFORMATION, ADVERSE_SUMMARY, "responseSummary", "responseReference",
          HEARING_REQUESTED, WRITTEN_RESPONSE_RECEIVED, HEARING_DATE, "panelPresent", "hearingSummary", PANEL_DECISION,
          "decisionReasons", CONDITIONS, REVIEW_DATE, "appealGrounds", APPEALED, APPEAL_DECISION, "appealReasons",
          APPEAL_OUTCOME, APPEAL_CONDITIONS, APPEAL_REVIEW_DATE, FINAL_DECISION, FINAL_CONDITIONS, FINAL_REVIEW_DATE);

  private VettingVariables() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String s = value.toString().strip();
    return s.isEmpty() ? null : s;
  }

  static boolean flag(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  /** A date field: form-js submits "2027-05-01"; the Java API may pass a Date. */
  static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String s = value.toString().strip();
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  /** A comma-separated list of user ids. */
  static List<String> users(Object value) {
    if (value == null || value.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static String withUser(Object list, String userId) {
    List<String> users = new ArrayList<>(users(list));
    if (!users.contains(userId)) {
      users.add(userId);
    }
    return String.join(",", users);
  }

  /** The user whose command runs this step, or null when the system runs it (a job, a message). */
  static String currentUser(ProcessEngineServices services) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  static String actor(ProcessEngineServices services) {
    String user = currentUser(services);
    return user == null ? SYSTEM : user;
  }

  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
