package org.probity.complaint.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Intake form values for tests and the load benchmark: exactly the fields of forms/complaint-intake.form. */
public final class ComplaintFixtures {

  static final String COMPLAINANT_NAME = "Amaru Quispe-Nakamura";
  static final String COMPLAINANT_EMAIL = "amaru.complainant@example.org";
  private static final AtomicInteger officers = new AtomicInteger();

  private ComplaintFixtures() {}

  /**
   * Ends every running complaint-handling instance (history stays): the suite shares one
   * database, and other tests count the tasks they can see.
   */
  static void endRunningComplaints(org.camunda.bpm.engine.RuntimeService runtime) {
    java.util.List<String> ids =
        runtime.createProcessInstanceQuery().processDefinitionKey(org.probity.complaint.ComplaintProcess.KEY).list().stream()
            .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
            .toList();
    if (!ids.isEmpty()) {
      runtime.deleteProcessInstances(ids, "test finished", true, true);
    }
  }

  /** A service number no other test uses, so that pattern counts start from zero. */
  static String freshServiceNumber() {
    return "SN-" + System.nanoTime() % 1_000_000_000L + "-" + officers.incrementAndGet();
  }

  public static Map<String, Object> intake(String type, String severity) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("channel", "walk-in");
    v.put("incidentDate", LocalDate.now().minusDays(3).toString());
    v.put("incidentLocation", "Market square, Eastgate");
    v.put("piiNarrative", "I was stopped at the market and struck with a baton without any reason given.");
    v.put("complainantMode", "confidential");
    v.put("piiComplainantName", COMPLAINANT_NAME);
    v.put("piiComplainantEmail", COMPLAINANT_EMAIL);
    v.put("piiComplainantPhone", "+221 77 123 45 67");
    v.put("piiComplainantGender", "woman");
    v.put("subjectServiceNumber", freshServiceNumber());
    v.put("piiSubjectName", "Officer Jean Dupont-Kamara");
    v.put("subjectRank", "Sergeant");
    v.put("subjectUnit", "Southern Police District");
    v.put("subjectInstitution", "police");
    v.put("allegation1Type", type);
    v.put("allegation1Severity", severity);
    return v;
  }

  static Map<String, Object> anonymous(String type, String severity) {
    Map<String, Object> v = intake(type, severity);
    v.put("complainantMode", "anonymous");
    v.remove("piiComplainantName");
    v.remove("piiComplainantEmail");
    v.remove("piiComplainantPhone");
    return v;
  }
}
