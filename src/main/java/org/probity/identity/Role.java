package org.probity.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of Probity. Each role is at once a Spring Security authority and a Camunda group with
 * the same id, so {@code camunda:candidateGroups="investigators"} routes work to exactly those people.
 */
public enum Role {
  INTAKE_OFFICERS("intake-officers", "Intake officers"),
  INVESTIGATORS("investigators", "Investigators"),
  VETTING_OFFICERS("vetting-officers", "Vetting officers"),
  VETTING_PANEL("vetting-panel", "Vetting panel"),
  OVERSIGHT_COMMITTEE("oversight-committee", "Oversight committee"),
  COMMITTEE_CHAIR("committee-chair", "Committee chair"),
  EQUALITY_ANALYSTS("equality-analysts", "Equality analysts"),
  FINANCE_OFFICERS("finance-officers", "Finance officers"),
  AUDITORS("auditors", "Auditors"),
  PROCESS_ADMINS("process-admins", "Process administrators"),
  /** Camunda's own administrators group: full rights inside Camunda (Admin webapp, authorizations). */
  CAMUNDA_ADMIN("camunda-admin", "Camunda administrators");

  private final String id;
  private final String displayName;

  Role(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The group id, also the Spring Security authority. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<Role> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
