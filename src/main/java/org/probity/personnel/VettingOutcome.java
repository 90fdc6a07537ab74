package org.probity.personnel;

/** The final decision of a vetting (after any appeal). */
public enum VettingOutcome {
  CLEARED,
  /** Cleared with conditions and a review date. */
  CONDITIONALLY_CLEARED,
  NOT_CLEARED;

  /** The vetting status a person has after this outcome. */
  public VettingStatus vettingStatus() {
    return VettingStatus.of(this);
  }
}
