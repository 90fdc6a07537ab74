package org.probity.export;

import java.util.List;
import java.util.Map;

/**
 * A feature module's contribution to the Cases sheet for its own process: a Spring bean in that
 * module. The export asks for the details of each case of {@link #processKey()} it writes, one case
 * at a time; values may be strings, numbers, dates ({@code java.util.Date}, {@code Instant},
 * {@code LocalDate}, {@code LocalDateTime}) or null. Values of columns flagged personal are
 * pseudonymised by the export unless a full export was asked for with a reason.
 */
public interface CaseDetailsProvider {

  /** The process definition key whose cases this provider describes. */
  String processKey();

  /** The columns, in order. */
  List<CaseColumn> columns();

  /** The values of one case, by column key (missing keys are empty cells). */
  Map<String, Object> details(String businessKey);
}
