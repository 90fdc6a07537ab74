package org.probity.complaint.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.probity.complaint.ComplaintProcess;
import org.probity.complaint.internal.ComplaintRecords.Allegation;
import org.probity.complaint.internal.ComplaintRecords.Complainant;
import org.probity.complaint.internal.ComplaintRecords.Complaint;
import org.probity.complaint.internal.ComplaintStore.FindingRow;
import org.probity.export.CaseColumn;
import org.probity.export.CaseDetailsProvider;
import org.probity.export.Finding;
import org.probity.export.FindingSource;
import org.springframework.stereotype.Component;

/**
 * Complaint handling's columns on the Cases sheet and its findings (one per allegation, with the
 * reasons) on the "Decisions and findings" sheet. The complainant's name and contact and the
 * officer's name are personal columns (pseudonymised unless the export is a full one). A
 * confidential complainant's identity never leaves the module, not even in a full export: their
 * columns say {@value #CONFIDENTIAL} and the case reference instead (distinct per case, so that the
 * pseudonyms do not suggest one person behind several complaints). An anonymous complainant has
 * nothing to give: the cells stay empty.
 */
@Component
class ComplaintExportContribution implements CaseDetailsProvider, FindingSource {

  static final String CONFIDENTIAL = "withheld: confidential complainant of";
  private static final int PAGE = 500;

  private final ComplaintStore store;
  private final ComplaintService complaints;

  ComplaintExportContribution(ComplaintStore store, ComplaintService complaints) {
    this.store = store;
    this.complaints = complaints;
  }

  @Override
  public String processKey() {
    return ComplaintProcess.KEY;
  }

  @Override
  public List<CaseColumn> columns() {
    return List.of(
        CaseColumn.plain("channel", "Channel"),
        CaseColumn.plain("complaintStatus", "Complaint status"),
        CaseColumn.plain("route", "Route"),
        CaseColumn.plain("allegations", "Allegations"),
        CaseColumn.plain("disposition", "Complaint outcome"),
        CaseColumn.plain("subjectServiceNumber", "Officer service number"),
        CaseColumn.plain("subjectUnit", "Officer unit"),
        CaseColumn.plain("complainantMode", "Complainant mode"),
        CaseColumn.personal("complainantName", "Complainant name"),
        CaseColumn.personal("complainantContact", "Complainant contact"),
        CaseColumn.personal("subjectName", "Officer name"));
  }

  @Override
  public Map<String, Object> details(String businessKey) {
    Map<String, Object> details = new LinkedHashMap<>();
    Complaint complaint = store.complaint(businessKey).orElse(null);
    if (complaint == null) {
      return details; // a complaint-handling instance that never registered (refused at intake)
    }
    details.put("channel", complaint.channel());
    details.put("complaintStatus", complaint.status());
    details.put("route", complaint.route());
    details.put("allegations", allegations(store.allegations(businessKey)));
    details.put("disposition", complaint.disposition());
    var subject = store.subject(businessKey);
    details.put("subjectServiceNumber", subject.serviceNumber());
    details.put("subjectUnit", subject.unit());
    details.put("subjectName", complaints.decrypt(subject.nameEnc(), ComplaintService.CONTEXT_SUBJECT_NAME));
    Complainant complainant = store.complainant(businessKey);
    details.put("complainantMode", complainant.mode());
    if ("confidential".equals(complainant.mode())) {
      details.put("complainantName", CONFIDENTIAL + " " + businessKey);
      details.put("complainantContact", CONFIDENTIAL + " " + businessKey);
    } else if (!"anonymous".equals(complainant.mode())) {
      details.put("complainantName", complaints.decrypt(complainant.nameEnc(), ComplaintService.CONTEXT_NAME));
      String contact =
          Stream.of(
                  complaints.decrypt(complainant.emailEnc(), ComplaintService.CONTEXT_EMAIL),
                  complaints.decrypt(complainant.phoneEnc(), ComplaintService.CONTEXT_PHONE))
              .filter(v -> v != null && !v.isBlank())
              .collect(Collectors.joining(", "));
      details.put("complainantContact", contact.isEmpty() ? null : contact);
    }
    return details;
  }

  @Override
  public void forEachFinding(Instant from, Instant to, Consumer<Finding> sink) {
    FindingRow last = null;
    while (true) {
      List<FindingRow> page = store.findingsPage(from, to, last, PAGE);
      for (FindingRow row : page) {
        sink.accept(
            new Finding(
                row.reference(), "finding", "Allegation " + row.position() + ": " + row.allegationType(), row.finding(), row.at(),
                row.by(), row.reason()));
      }
      if (page.size() < PAGE) {
        return;
      }
      last = page.get(page.size() - 1);
    }
  }

  private static String allegations(List<Allegation> allegations) {
    return allegations.stream()
        .map(a -> a.type() + " (" + a.severity() + ")" + (a.finding() == null ? "" : ": " + a.finding()))
        .filter(Objects::nonNull)
        .collect(Collectors.joining("; "));
  }
}
