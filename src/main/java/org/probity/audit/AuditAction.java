package org.probity.audit;

/** The actions Probity records. Modules may add their own (upper case, at most 64 characters). */
public final class AuditAction {

  private AuditAction() {}

  public static final String LOGIN = "LOGIN";
  public static final String LOGIN_FAILED = "LOGIN_FAILED";
  public static final String LOGOUT = "LOGOUT";

  public static final String PROCESS_STARTED = "PROCESS_STARTED";
  public static final String PROCESS_COMPLETED = "PROCESS_COMPLETED";
  public static final String PROCESS_CANCELLED = "PROCESS_CANCELLED";

  public static final String TASK_CLAIMED = "TASK_CLAIMED";
  public static final String TASK_UNCLAIMED = "TASK_UNCLAIMED";
  public static final String TASK_ASSIGNED = "TASK_ASSIGNED";
  public static final String TASK_DELEGATED = "TASK_DELEGATED";
  public static final String TASK_RESOLVED = "TASK_RESOLVED";
  public static final String TASK_COMPLETED = "TASK_COMPLETED";

  public static final String DEPLOYMENT_CREATED = "DEPLOYMENT_CREATED";
  public static final String DEPLOYMENT_DELETED = "DEPLOYMENT_DELETED";

  /** Recorded by the modules that own these actions. */
  public static final String CASE_READ = "CASE_READ";
  public static final String DECISION_RECORDED = "DECISION_RECORDED";
  public static final String FINDING_RECORDED = "FINDING_RECORDED";
  public static final String DOCUMENT_UPLOADED = "DOCUMENT_UPLOADED";
  public static final String DOCUMENT_DOWNLOADED = "DOCUMENT_DOWNLOADED";
  public static final String CONFIGURATION_CHANGED = "CONFIGURATION_CHANGED";

  public static final String EXPORT = "EXPORT";
  /** An export with personal data in clear, for a stated reason. */
  public static final String EXPORT_FULL = "EXPORT_FULL";
}
