package org.probity.personnel;

/** Where a person stands in vetting: the latest outcome, or that a vetting is under way. */
public enum VettingStatus {
  NOT_VETTED,
  IN_PROGRESS,
  CLEARED,
  CONDITIONALLY_CLEARED,
  NOT_CLEARED;

  static VettingStatus of(VettingOutcome outcome) {
    return switch (outcome) {
      case CLEARED -> CLEARED;
      case CONDITIONALLY_CLEARED -> CONDITIONALLY_CLEARED;
      case NOT_CLEARED -> NOT_CLEARED;
    };
  }
}
