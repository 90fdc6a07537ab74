package org.probity.complaint.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.probity.complaint.internal.ComplaintRecords.Allegation;
import org.probity.complaint.internal.ComplaintRecords.Complainant;
import org.probity.complaint.internal.ComplaintRecords.Complaint;
import org.probity.complaint.internal.ComplaintRecords.Subject;
import org.probity.identity.Role;
import org.probity.identity.UserDirectory;
import org.probity.tasks.CaseFact;
import org.probity.tasks.CaseViewContributor;
import org.probity.tasks.RelatedCase;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a complaint adds to its case page and to case search. Everyone who may see the case gets the
 * non-personal facts (channel, status, route, allegations and findings, the officer's service
 * number, unit, rank and institution, the personnel-registry link); the complainant's identity and
 * the officer's name only the case team sees ({@link ComplaintViews#onCaseTeam}), and never an
 * anonymous complainant's. Related cases: other complaints against the same officer or the same unit.
 */
@Component
class ComplaintCasePageContribution implements CaseViewContributor {

  static final int RELATED_LIMIT = 20;
  private static final int NAME_SEARCH_PAGE = 500;

  private final ComplaintStore store;
  private final ComplaintService complaints;
  private final ComplaintViews views;
  private final UserDirectory directory;

  ComplaintCasePageContribution(ComplaintStore store, ComplaintService complaints, ComplaintViews views, UserDirectory directory) {
    this.store = store;
    this.complaints = complaints;
    this.views = views;
    this.directory = directory;
  }

  @Override
  public List<CaseFact> facts(String businessKey, String viewer) {
    Complaint complaint = store.complaint(businessKey).orElse(null);
    if (complaint == null) {
      return List.of();
    }
    Subject subject = store.subject(businessKey);
    Complainant complainant = store.complainant(businessKey);
    List<CaseFact> facts = new ArrayList<>();
    facts.add(new CaseFact("Channel", complaint.channel()));
    facts.add(new CaseFact("Complaint status", complaint.status()));
    if (complaint.route() != null) {
      facts.add(new CaseFact("Route", complaint.route()));
    }
    for (Allegation a : store.allegations(businessKey)) {
      facts.add(
          new CaseFact(
              "Allegation " + a.position(), a.type() + " (" + a.severity() + ")" + (a.finding() == null ? "" : ": " + a.finding())));
    }
    if (complaint.disposition() != null) {
      facts.add(new CaseFact("Complaint outcome", complaint.disposition()));
    }
    facts.add(new CaseFact("Subject officer service number", subject.serviceNumber()));
    facts.add(new CaseFact("Subject officer unit", subject.unit()));
    facts.add(new CaseFact("Subject officer rank", subject.rank()));
    facts.add(new CaseFact("Subject officer institution", subject.institution()));
    facts.add(
        new CaseFact(
            "Personnel registry",
            complaints.registryRecord(subject.serviceNumber()).isPresent()
                ? "linked: " + subject.serviceNumber()
                : "not in the registry (officer details as entered)"));
    facts.add(new CaseFact("Complainant", complainant.mode()));
    if (onCaseTeam(viewer, businessKey)) {
      facts.add(new CaseFact("Subject officer name", complaints.decrypt(subject.nameEnc(), ComplaintService.CONTEXT_SUBJECT_NAME)));
      if (!"anonymous".equals(complainant.mode())) {
        facts.add(new CaseFact("Complainant name", complaints.decrypt(complainant.nameEnc(), ComplaintService.CONTEXT_NAME)));
        facts.add(new CaseFact("Complainant e-mail", complaints.decrypt(complainant.emailEnc(), ComplaintService.CONTEXT_EMAIL)));
        facts.add(new CaseFact("Complainant phone", complaints.decrypt(complainant.phoneEnc(), ComplaintService.CONTEXT_PHONE)));
      }
    }
    return facts.stream().filter(f -> f.value() != null && !f.value().isBlank()).toList();
  }

  @Override
  public List<RelatedCase> relatedCases(String businessKey, String viewer) {
    if (store.complaint(businessKey).isEmpty()) {
      return List.of();
    }
    Subject subject = store.subject(businessKey);
    Map<String, RelatedCase> related = new LinkedHashMap<>();
    if (subject.serviceNumber() != null) {
      store.otherReferencesAgainst(subject.serviceNumber(), businessKey, RELATED_LIMIT)
          .forEach(r -> related.put(r, new RelatedCase(r, "same officer")));
    }
    if (subject.unit() != null && !subject.unit().isBlank()) {
      store.otherReferencesInUnit(subject.unit(), businessKey, RELATED_LIMIT)
          .forEach(r -> related.putIfAbsent(r, new RelatedCase(r, "same unit")));
    }
    return List.copyOf(related.values());
  }

  /**
   * By service number (exact, normalised) for everyone who searches; by part of the officer's name
   * only among the cases whose team the searching user is on (the name is theirs to see, a match
   * would otherwise reveal it). Names are encrypted: decrypted page by page and compared here.
   */
  @Override
  public Set<String> casesConcerningOfficer(String serviceNumberOrName) {
    String query = serviceNumberOrName.strip().toLowerCase(Locale.ROOT);
    if (query.isEmpty()) {
      return Set.of();
    }
    Authentication searcher = SecurityContextHolder.getContext().getAuthentication();
    Set<String> found = new HashSet<>();
    String after = "";
    while (true) {
      List<Object[]> page = store.subjectsAfter(after, NAME_SEARCH_PAGE);
      for (Object[] row : page) {
        String reference = (String) row[0];
        String serviceNumber = (String) row[1];
        if (serviceNumber != null && serviceNumber.strip().equalsIgnoreCase(query)) {
          found.add(reference);
          continue;
        }
        String name = complaints.decrypt((String) row[2], ComplaintService.CONTEXT_SUBJECT_NAME);
        if (name != null && name.toLowerCase(Locale.ROOT).contains(query) && searcher != null && views.onCaseTeam(searcher, reference)) {
          found.add(reference);
        }
      }
      if (page.size() < NAME_SEARCH_PAGE) {
        return found;
      }
      after = (String) page.get(page.size() - 1)[0];
    }
  }

  @Override
  public Set<String> casesConcerningUnit(String unit) {
    return unit.isBlank() ? Set.of() : new HashSet<>(store.referencesInUnitLike(unit));
  }

  private boolean onCaseTeam(String viewer, String reference) {
    return directory.findByUsername(viewer)
        .filter(account -> account.enabled())
        .map(account -> views.onCaseTeam(viewer, account.roles().stream().map(Role::id).collect(Collectors.toSet()), reference))
        .orElse(false);
  }
}
