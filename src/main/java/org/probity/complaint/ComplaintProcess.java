package org.probity.complaint;

/** Names other modules (vetting) need to talk to complaint handling through the engine. */
public final class ComplaintProcess {

  /** The process definition key. */
  public static final String KEY = "complaint-handling";

  /**
   * The BPMN message sent when a subject officer crosses the pattern threshold; variables
   * {@code serviceNumber}, {@code complaintReference}, {@code vettingReason}. A process started by it
   * (personnel-vetting) also receives {@code reason = complaint-pattern} and
   * {@code complaintReferences} (the complaints of the pattern window, comma-separated).
   */
  public static final String VETTING_REVIEW_REQUESTED = "VettingReviewRequested";

  /** The BPMN message an appeal sends to the complaint's process instance (business key = reference). */
  public static final String APPEAL_LODGED = "ComplaintAppealLodged";

  private ComplaintProcess() {}
}
