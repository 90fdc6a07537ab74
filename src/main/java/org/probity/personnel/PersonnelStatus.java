package org.probity.personnel;

/** Whether a person is in service. */
public enum PersonnelStatus {
  ACTIVE,
  SUSPENDED,
  REMOVED
}
