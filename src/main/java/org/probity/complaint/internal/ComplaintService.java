package org.probity.complaint.internal;

import static org.probity.complaint.internal.IntakeRules.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.probity.common.NotFoundException;
import org.probity.common.PersonalDataCipher;
import org.probity.complaint.internal.ComplaintRecords.Allegation;
import org.probity.complaint.internal.ComplaintRecords.Case;
import org.probity.complaint.internal.ComplaintRecords.Complainant;
import org.probity.complaint.internal.ComplaintRecords.Complaint;
import org.probity.complaint.internal.ComplaintRecords.Subject;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.probity.identity.UserDirectory;
import org.probity.personnel.PersonnelRecord;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.ServiceNumber;
import org.springframework.stereotype.Service;

/**
 * What happens to a complaint, step by step. Called by the process's delegates and listeners
 * (inside the engine's transaction, so a failure stores nothing anywhere) and by the API.
 */
@Service
class ComplaintService {

  static final String CONTEXT_NAME = "complainant.name";
  static final String CONTEXT_EMAIL = "complainant.email";
  static final String CONTEXT_PHONE = "complainant.phone";
  static final String CONTEXT_NARRATIVE = "complaint.narrative";
  static final String CONTEXT_SUBJECT_NAME = "subject.name";
  static final String CONTEXT_APPEAL = "complaint.appeal";

  static final List<String> SEVERITIES = List.of("low", "medium", "serious", "critical");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final ComplaintStore store;
  private final PersonalDataCipher cipher;
  private final ReceiptCodes receipts;
  private final ComplaintNotifier notifier;
  private final ComplaintProperties properties;
  private final UserDirectory directory;
  private final PersonnelRegistry personnel;

  ComplaintService(
      ComplaintStore store, PersonalDataCipher cipher, ReceiptCodes receipts, ComplaintNotifier notifier,
      ComplaintProperties properties, UserDirectory directory, PersonnelRegistry personnel) {
    this.personnel = personnel;
    this.store = store;
    this.cipher = cipher;
    this.receipts = receipts;
    this.notifier = notifier;
    this.properties = properties;
    this.directory = directory;
  }

  /** What registration tells the process. */
  record Registered(String reference, String leadType, String leadSeverity, int allegationCount, Instant acknowledgementDue) {}

  /**
   * Creates the case from the intake form's values: the reference, the encrypted complainant and
   * narrative, the officer, the allegations and a receipt code (handed to the caller's thread).
   */
  Registered register(Map<String, Object> values, String processInstanceId, String registeredBy) {
    Instant now = Instant.now();
    int year = LocalDate.now(ZoneOffset.UTC).getYear();
    String reference = String.format("CMP-%d-%06d", year, store.nextNumber(year));
    String date = text(values, "incidentDate");
    store.insertComplaint(
        reference, processInstanceId, now, text(values, "channel"), date == null ? null : LocalDate.parse(date),
        text(values, "incidentLocation"), cipher.encrypt(text(values, "piiNarrative"), CONTEXT_NARRATIVE), registeredBy);
    String mode = text(values, "complainantMode");
    boolean anonymous = "anonymous".equals(mode);
    store.insertComplainant(
        reference,
        new Complainant(
            mode,
            anonymous ? null : cipher.encrypt(text(values, "piiComplainantName"), CONTEXT_NAME),
            anonymous ? null : cipher.encrypt(text(values, "piiComplainantEmail"), CONTEXT_EMAIL),
            anonymous ? null : cipher.encrypt(text(values, "piiComplainantPhone"), CONTEXT_PHONE),
            text(values, "piiComplainantEthnicity"),
            text(values, "piiComplainantReligion"),
            text(values, "piiComplainantRegion"),
            text(values, "piiComplainantGender")));
    store.insertSubject(
        reference,
        withRegistryData(
            new Subject(
                text(values, "subjectServiceNumber"),
                cipher.encrypt(text(values, "piiSubjectName"), CONTEXT_SUBJECT_NAME),
                text(values, "subjectUnit"),
                text(values, "subjectRank"),
                text(values, "subjectInstitution"))));
    int count = 0;
    String leadType = null;
    String leadSeverity = null;
    for (int i = 1; i <= 3; i++) {
      String type = text(values, "allegation" + i + "Type");
      String severity = text(values, "allegation" + i + "Severity");
      if (type == null || severity == null) {
        continue;
      }
      count++;
      store.insertAllegation(reference, count, type, severity);
      // triage routes the most severe allegation; the first one given wins a tie
      if (leadSeverity == null || SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(leadSeverity)) {
        leadType = type;
        leadSeverity = severity;
      }
    }
    String code = receipts.newCode();
    store.insertReceipt(ReceiptCodes.hash(code), reference, now);
    receipts.handOver(code);
    store.insertDecision(reference, "intake", "registered", null, registeredBy, now);
    return new Registered(reference, leadType, leadSeverity, count, now.plus(properties.acknowledgementDuration()));
  }

  /**
   * The officer as the personnel registry knows them: a service number found in the registry takes
   * the registry's (normalised) number, unit, rank and institution, which then drive the
   * conflict-of-interest rule and the searches by unit; an unknown number stays as entered.
   */
  Subject withRegistryData(Subject entered) {
    return registryRecord(entered.serviceNumber())
        .map(p -> new Subject(p.serviceNumber(), entered.nameEnc(), p.unit(), p.rank(), institutionValue(p)))
        .orElse(entered);
  }

  /** The registry's record of the officer, when the service number is registered. */
  Optional<PersonnelRecord> registryRecord(String serviceNumber) {
    return ServiceNumber.isValid(serviceNumber) ? personnel.find(serviceNumber) : Optional.empty();
  }

  /** The registry's institution in the intake form's values (PRISON_SERVICE: prison-service). */
  private static String institutionValue(PersonnelRecord person) {
    return person.institution() == null ? null : person.institution().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  Complaint complaint(String reference) {
    return store.complaint(reference).orElseThrow(() -> new NotFoundException("No complaint " + reference));
  }

  Optional<String> referenceByReceipt(String receiptInput) {
    return ReceiptCodes.normalise(receiptInput).flatMap(code -> store.referenceByReceiptHash(ReceiptCodes.hash(code)));
  }

  void setStatus(String reference, String status) {
    store.setStatus(reference, status);
  }

  void acknowledge(String reference, String note) {
    store.setAcknowledged(reference, Instant.now());
    String text = notifier.text("complaint.notice.acknowledgement", reference, day(complaint(reference).receivedAt()));
    notifier.notify(reference, "acknowledgement", note == null ? text : text + "\n\n" + note);
  }

  void recordDecision(String reference, String step, String decision, String reasons, String by) {
    store.insertDecision(reference, step, decision, reasons, by, Instant.now());
  }

  void recordTriage(String reference, String recommended, String route, String overrideReason, String by) {
    boolean overridden = !Objects.equals(recommended, route);
    store.setRoute(reference, recommended, route, overridden ? overrideReason : null);
    store.insertDecision(reference, "triage", route, overridden ? "override of " + recommended + ": " + overrideReason : null, by, Instant.now());
  }

  /** Serious cases go to the committee: a sustained finding, a serious or critical allegation, or an independent route. */
  boolean needsCommitteeReview(String reference) {
    Complaint complaint = complaint(reference);
    List<Allegation> allegations = store.allegations(reference);
    return allegations.stream().anyMatch(a -> "sustained".equals(a.finding()))
        || allegations.stream().anyMatch(Allegation::seriousOrCritical)
        || "independent-investigation".equals(complaint.route())
        || "referral-for-prosecution".equals(complaint.route());
  }

  /** An investigator may take this case: not from the officer's unit, no declared conflict. */
  Optional<String> ineligibility(String reference, String username) {
    Optional<UserAccount> account = directory.findByUsername(username);
    if (account.isEmpty() || !account.get().enabled() || !account.get().hasRole(Role.INVESTIGATORS)) {
      return Optional.of("is not an active investigator");
    }
    // the registry's unit today when the officer is registered (a transfer since intake counts)
    if (sameUnit(account.get().unit(), withRegistryData(store.subject(reference)).unit())) {
      return Optional.of("belongs to the officer's unit (conflict of interest)");
    }
    if (store.conflicts(reference).stream().anyMatch(c -> c.username().equals(username))) {
      return Optional.of("has declared a conflict of interest on this complaint");
    }
    return Optional.empty();
  }

  record Assigned(String investigator, Instant due) {}

  /**
   * Picks the investigator: the one the chair chose if eligible, otherwise the least loaded
   * eligible investigator (after an upheld appeal, none who investigated before). Empty: nobody is
   * eligible and the chair must choose.
   */
  Optional<Assigned> assignInvestigator(String reference, String chosen, boolean freshInvestigator, String by) {
    Set<String> previous = new HashSet<>();
    if (freshInvestigator) {
      store.assignments(reference).forEach(a -> previous.add(a.username()));
    }
    String pick = null;
    String reason;
    if (chosen != null && ineligibility(reference, chosen).isEmpty() && !previous.contains(chosen)) {
      pick = chosen;
      reason = "chosen by the committee chair";
    } else {
      reason = freshInvestigator ? "appeal upheld: a different investigator" : "least loaded eligible investigator";
      pick =
          directory.membersOf(Role.INVESTIGATORS).stream()
              .map(UserAccount::username)
              .filter(u -> !previous.contains(u) && ineligibility(reference, u).isEmpty())
              .min(Comparator.comparingInt(store::openCaseload).thenComparing(Comparator.naturalOrder()))
              .orElse(null);
    }
    if (pick == null) {
      store.setStatus(reference, "awaiting-assignment");
      return Optional.empty();
    }
    Instant due = Instant.now().plus(properties.investigationDuration());
    store.insertAssignment(reference, pick, Instant.now(), by, reason);
    store.setInvestigator(reference, pick, due);
    return Optional.of(new Assigned(pick, due));
  }

  void recordConflict(String reference, String username, String reason) {
    store.insertConflict(reference, username, reason, Instant.now());
    store.insertDecision(reference, "investigation", "conflict-declared", reason, username, Instant.now());
    store.setInvestigator(reference, null, null);
  }

  /** Records the extension and tells the complainant; the new due date drives the escalation timer. */
  Instant recordExtension(String reference, String by, String reason, LocalDate until) {
    Complaint complaint = complaint(reference);
    Instant newDue = until.atTime(23, 59).atZone(ZoneOffset.UTC).toInstant();
    store.insertExtension(reference, by, Instant.now(), reason, complaint.investigationDue(), newDue);
    store.setInvestigationDue(reference, newDue);
    notifier.notify(reference, "extension", notifier.text("complaint.notice.extension", reference, DAY.format(until)));
    return newDue;
  }

  Instant renewInvestigationDue(String reference) {
    Instant due = Instant.now().plus(properties.investigationDuration());
    store.setInvestigationDue(reference, due);
    return due;
  }

  /** Findings per allegation, position to (finding, reasons). */
  void recordFindings(String reference, Map<Integer, String[]> findings, String by) {
    Instant now = Instant.now();
    findings.forEach((position, f) -> store.setFinding(reference, position, f[0], f[1], by, now));
    store.insertDecision(
        reference, "investigation", "findings",
        findings.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()[0]).collect(Collectors.joining(", ")), by, now);
  }

  int allegationCount(String reference) {
    return store.allegations(reference).size();
  }

  /** Tells the complainant the outcome and opens the appeal window. */
  void notifyOutcome(String reference) {
    Complaint complaint = complaint(reference);
    List<Allegation> allegations = store.allegations(reference);
    boolean local = allegations.stream().allMatch(a -> a.finding() == null);
    String disposition = disposition(local, allegations);
    String summary =
        local
            ? notifier.text("complaint.notice.resolvedLocally")
            : allegations.stream()
                .map(a -> notifier.text("complaint.notice.finding", a.position(), a.type().replace('-', ' '), a.finding().replace('-', ' ')))
                .collect(Collectors.joining("\n"));
    Instant now = Instant.now();
    Instant appealDeadline = now.plus(properties.appealDuration());
    store.setOutcomeNotified(reference, now, appealDeadline, disposition);
    notifier.notify(reference, "outcome", notifier.text("complaint.notice.outcome", reference, summary, day(appealDeadline)));
    store.insertDecision(reference, "outcome", disposition, null, null, now);
    Objects.requireNonNull(complaint);
  }

  private static String disposition(boolean local, List<Allegation> allegations) {
    if (local) {
      return "resolved-locally";
    }
    for (String finding : List.of("sustained", "policy-failure", "not-sustained", "exonerated", "unfounded")) {
      if (allegations.stream().anyMatch(a -> finding.equals(a.finding()))) {
        return finding;
      }
    }
    return "not-sustained";
  }

  /**
   * Whether the officer crossed the pattern threshold: the configured number of complaints within
   * the window, or sustained serious allegations. An unknown officer cannot be vetted; a case asks
   * for one review only.
   */
  Optional<String> patternReached(String reference) {
    Subject subject = store.subject(reference);
    if (subject.serviceNumber() == null || !store.vettingRequests(reference).isEmpty()) {
      return Optional.empty();
    }
    Instant since = Instant.now().minus(properties.pattern().windowDuration());
    int complaints = store.complaintsAgainst(subject.serviceNumber(), since);
    int sustained = store.sustainedSeriousAgainst(subject.serviceNumber(), since);
    if (sustained >= properties.pattern().sustainedSerious()) {
      return Optional.of(sustained + " sustained serious allegation(s) within " + properties.pattern().window());
    }
    if (complaints >= properties.pattern().complaints()) {
      return Optional.of(complaints + " complaints within " + properties.pattern().window());
    }
    return Optional.empty();
  }

  /** The references of the complaints against this case's officer within the pattern window, oldest first (this one included). */
  List<String> patternReferences(String reference) {
    Instant since = Instant.now().minus(properties.pattern().windowDuration());
    List<String> references =
        store.complaintsAgainst(serviceNumber(reference)).stream().filter(c -> !c.receivedAt().isBefore(since)).map(Complaint::reference).toList();
    return references.contains(reference) ? references : List.of(reference);
  }

  String serviceNumber(String reference) {
    return store.subject(reference).serviceNumber();
  }

  void recordVettingRequest(String reference, String reason, String delivery) {
    store.insertVettingRequest(reference, serviceNumber(reference), Instant.now(), reason, delivery);
  }

  void recordAppeal(String reference, String channel, String by, String reason) {
    store.insertAppeal(reference, Instant.now(), channel, by, cipher.encrypt(reason, CONTEXT_APPEAL));
    store.setStatus(reference, "appeal-lodged");
    store.insertDecision(reference, "appeal", "lodged", null, by, Instant.now());
  }

  void notifyAppealDismissed(String reference) {
    notifier.notify(reference, "appeal-dismissed", notifier.text("complaint.notice.appealDismissed", reference));
  }

  void close(String reference) {
    store.close(reference, Instant.now());
    store.insertDecision(reference, "closure", "closed", null, null, Instant.now());
    notifier.notify(reference, "closure", notifier.text("complaint.notice.closed", reference));
  }

  Case caseOf(String reference) {
    Complaint complaint = complaint(reference);
    return new Case(
        complaint, store.complainant(reference), store.subject(reference), store.allegations(reference), store.notices(reference),
        store.decisions(reference), store.extensions(reference), store.conflicts(reference), store.assignments(reference),
        store.vettingRequests(reference), store.appeals(reference));
  }

  List<String> assignedInvestigators(String reference) {
    return new ArrayList<>(store.assignments(reference).stream().map(ComplaintRecords.Assignment::username).distinct().toList());
  }

  String decrypt(String value, String context) {
    return cipher.decrypt(value, context);
  }

  private static boolean sameUnit(String a, String b) {
    return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
  }

  private static String day(Instant instant) {
    return DAY.format(instant.atZone(ZoneId.of("UTC")));
  }
}
