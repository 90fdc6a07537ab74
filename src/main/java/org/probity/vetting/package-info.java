/**
 * Personnel vetting: the process {@code personnel-vetting} (declarations, records requests to
 * institutions, the complaint-records check, integrity assessment, due process on adverse
 * information, panel decision with four eyes, appeal, registry update, scheduled re-vetting).
 * Depends on the personnel registry; does not depend on complaint handling: complaints reach it by
 * the BPMN message {@code VettingReviewRequested}, and its complaint-records check is the interface
 * {@link org.probity.vetting.ComplaintRecordsCheck}, implemented by the complaint module.
 */
package org.probity.vetting;
