package org.probity.equality;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Submissions a realistic equality program goes through, to vary per test. */
final class EqualityScenario {

  static final String KEY = "equality-program-approval";
  static final String[] DIMENSIONS = {"Economic", "Social", "Political", "Cultural", "Security"};

  private EqualityScenario() {}

  /**
   * Ends the instances a test class left running, so that tests which list every open task in the
   * shared context (an auditor's view, for example) see only their own. History stays.
   */
  static void deleteRunningInstances(org.camunda.bpm.engine.RuntimeService runtimeService) {
    var ids = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
        .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
    if (!ids.isEmpty()) {
      runtimeService.deleteProcessInstances(ids, "test finished", true, true);
    }
  }

  static Map<String, Object> proposal() {
    Map<String, Object> v = new HashMap<>();
    v.put("title", "Northern districts public employment program");
    v.put("programType", "employment");
    v.put("objectives", "Close the employment gap of the northern pastoralist communities");
    v.put("targetGroups", "Pastoralist communities of the northern districts");
    v.put("regions", "North, North-East");
    v.put("budget", 2_500_000L);
    v.put("currency", "USD");
    v.put("durationMonths", 12L);
    v.put("indicator1Name", "Employment rate of the target group (%)");
    v.put("indicator1Baseline", 40L);
    v.put("indicator1Target", 55L);
    v.put("indicator1Direction", "increase");
    v.put("indicator2Name", "Gap in public-sector hiring (points)");
    v.put("indicator2Baseline", 18.5);
    v.put("indicator2Target", 10L);
    v.put("indicator2Direction", "decrease");
    return v;
  }

  /** One group with data in every dimension, an expected reduction of 8 points: scores 100 with a low risk. */
  static Map<String, Object> fullImpact() {
    Map<String, Object> v = new HashMap<>();
    v.put("group1Name", "Northern pastoralists");
    for (String d : DIMENSIONS) {
      v.put("group1" + d + "DataMissing", false);
      v.put("group1" + d + "Gap", 30L);
      v.put("group1" + d + "Change", 8L);
      v.put("group1" + d + "Evidence", "Household survey 2024, table " + d);
    }
    return v;
  }

  /** Data for one cell in five, a tiny expected reduction: 0 + 0 + 20 + risk points. */
  static Map<String, Object> thinImpact() {
    Map<String, Object> v = new HashMap<>();
    v.put("group1Name", "Northern pastoralists");
    for (String d : DIMENSIONS) {
      boolean economic = d.equals("Economic");
      v.put("group1" + d + "DataMissing", !economic);
      if (economic) {
        v.put("group1" + d + "Gap", 25L);
        v.put("group1" + d + "Change", 0.5);
        v.put("group1" + d + "Evidence", "Labour force survey 2023");
      }
    }
    return v;
  }

  static Map<String, Object> risk(String rating, boolean mitigation) {
    Map<String, Object> v = new HashMap<>();
    v.put("groupsGaining", "Northern pastoralists");
    v.put("groupsLosing", "Southern contractors who held the public works contracts");
    v.put("triggerElections", true);
    v.put("triggerCensus", false);
    v.put("triggerEconomicShock", false);
    v.put("triggerResourceProjects", true);
    v.put("triggerSecurityOperations", false);
    v.put("triggerNotes", "General elections in month 8; a mining concession is being negotiated");
    v.put("riskFactors", "History of electoral violence in the North-East");
    v.put("resilienceFactors", "Inter-community peace committees in every district");
    v.put("mitigationPlan", mitigation ? "Hiring quotas published in advance; peace committees monitor hiring" : "");
    v.put("riskRating", rating);
    return v;
  }

  static Map<String, Object> of(Object... keyValues) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      v.put((String) keyValues[i], keyValues[i + 1]);
    }
    return v;
  }

  static Map<String, Object> plan() {
    return of("milestone1Title", "Recruitment centres open", "milestone1Due", LocalDate.now().plusMonths(2).toString(),
        "milestone2Title", "First 1,000 people hired", "milestone2Due", LocalDate.now().plusMonths(6).toString());
  }
}
