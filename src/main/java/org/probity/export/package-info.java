/**
 * Excel exports for auditors: cases, tasks, decisions and findings, and the audit trail, streamed
 * from the database into SXSSF workbooks with a Summary sheet of counts and hashes. Feature modules
 * contribute case columns ({@link org.probity.export.CaseDetailsProvider}) and findings
 * ({@link org.probity.export.FindingSource}); personal data among them is pseudonymised unless an
 * auditor states a reason for a full export.
 */
package org.probity.export;
