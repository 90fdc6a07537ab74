package org.probity.tasks.internal;

import java.util.Date;
import java.util.List;
import org.probity.tasks.CaseFact;
import org.probity.tasks.RelatedCase;

/** Everything the case page shows, already filtered for the viewer. */
record CaseView(
    String businessKey,
    String processName,
    String status,
    Date started,
    Date ended,
    String startedBy,
    List<CaseFact> data,
    List<TimelineEntry> timeline,
    List<TaskLine> openTasks,
    List<TaskLine> doneTasks,
    List<DecisionLine> decisions,
    List<RelatedCase> related,
    List<CaseNotes.Note> notes,
    List<CaseDocuments.Document> documents) {

  /** "who did what, when": {@code what} is a message key, {@code subject} what it was done to. */
  record TimelineEntry(Date when, String who, String what, String subject, String detail) {}

  record TaskLine(String id, String name, String assignee, Date created, Date due, Date ended, boolean openable) {}

  record DecisionLine(String decision, Date evaluated, String inputs, String outputs) {}

  /** A case in search results. */
  record Summary(String businessKey, String processName, String status, Date started, Date ended) {}
}
