package org.probity.tasks.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;

/** What the inbox page shows: one page of rows, whether there is a next one, counts per process. */
record Inbox(List<Row> rows, int page, boolean hasNext, long total, Map<String, Long> countsByProcess, Map<String, String> processNames) {

  record Row(
      String id,
      String name,
      String businessKey,
      String processKey,
      String processName,
      Date created,
      Date due,
      int priority,
      String assignee,
      boolean overdue,
      boolean dueSoon) {}

  /**
   * The inbox's filters. {@code due}: "", "overdue", "soon" (within {@link InboxService#DUE_SOON});
   * {@code assignment}: "" (mine and my groups' unclaimed), "mine", "unassigned"; {@code sort}:
   * "created", "due", "priority"; {@code page} from 0.
   */
  record Filter(String process, String due, String assignment, String sort, String dir, int page) {

    Filter {
      process = blankToEmpty(process);
      due = oneOf(due, "", "overdue", "soon");
      assignment = oneOf(assignment, "", "mine", "unassigned");
      sort = oneOf(sort, "created", "due", "priority");
      dir = oneOf(dir, "desc", "asc");
      page = Math.max(0, Math.min(page, 10_000));
    }

    boolean ascending() {
      return "asc".equals(dir);
    }

    private static String blankToEmpty(String value) {
      return value == null ? "" : value.trim();
    }

    private static String oneOf(String value, String fallback, String... allowed) {
      if (value == null) {
        return fallback;
      }
      if (value.equals(fallback)) {
        return value;
      }
      for (String a : allowed) {
        if (a.equals(value)) {
          return value;
        }
      }
      return fallback;
    }
  }
}
