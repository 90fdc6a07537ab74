package org.probity.vetting;

import java.util.List;

/**
 * The complaint records of a person, as the vetting file needs them: implemented by the complaint
 * module (a Spring bean), called by the vetting process's automatic check. When no bean exists, or
 * the check fails, the vetting file records "complaint records not available" and the vetting goes
 * on: the assessor then knows the file lacks them.
 */
public interface ComplaintRecordsCheck {

  /** The complaints naming the person with this service number, oldest first; empty when none. */
  List<ComplaintRecordSummary> recordsFor(String serviceNumber);
}
