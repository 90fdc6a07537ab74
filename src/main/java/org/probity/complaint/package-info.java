/**
 * Complaint handling: civilians' complaints about misconduct by police, military or other
 * uniformed personnel, from intake (staff or the public portal) to closure (process
 * {@code complaint-handling}, triage decision {@code complaint-triage}). Personal data lives only in
 * this module's tables, encrypted; the public portal answers with a receipt code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package org.probity.complaint;
