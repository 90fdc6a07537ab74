package org.probity.tasks.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * What the inbox page shows: one page of rows, whether there is a next one, counts per process
 * ({@code countsAtLeast}: lower bounds, read up to {@link InboxService#COUNT_LIMIT} tasks), and the
 * positions of the page's first and last rows ({@code first}, {@code last}: the keyset
 * cursors the previous and next links carry; null without rows).
 */
record Inbox(
    List<Row> rows,
    int page,
    boolean hasNext,
    long total,
    Map<String, Long> countsByProcess,
    boolean countsAtLeast,
    Map<String, String> processNames,
    String first,
    String last) {

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
   * "created", "due", "priority"; {@code page} from 0 (shown, and the offset when no cursor is
   * given); {@code after}/{@code before}: the keyset cursor of the row the page follows or
   * precedes ("value~id", see {@link InboxQuery.Cursor}; at most one, a malformed one ignored).
   */
  record Filter(String process, String due, String assignment, String sort, String dir, int page, String after, String before) {

    Filter {
      process = blankToEmpty(process);
      due = oneOf(due, "", "overdue", "soon");
      assignment = oneOf(assignment, "", "mine", "unassigned");
      sort = oneOf(sort, "created", "due", "priority");
      dir = oneOf(dir, "desc", "asc");
      page = Math.max(0, Math.min(page, 10_000));
      after = InboxQuery.Cursor.parse(true, after) == null ? null : after;
      before = after != null || InboxQuery.Cursor.parse(false, before) == null ? null : before;
    }

    /** The keyset cursor this page starts from, or null (then {@link #page} gives the offset). */
    InboxQuery.Cursor cursor() {
      return after != null ? InboxQuery.Cursor.parse(true, after) : InboxQuery.Cursor.parse(false, before);
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
