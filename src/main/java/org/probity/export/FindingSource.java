package org.probity.export;

import java.time.Instant;
import java.util.function.Consumer;

/** A feature module's findings and decisions for the "Decisions and findings" sheet. */
public interface FindingSource {

  /** The process definition key whose findings this source gives. */
  String processKey();

  /**
   * Hands the findings decided in {@code [from, to)} to the sink one by one, in time order; read
   * them from the database page by page (never all at once).
   */
  void forEachFinding(Instant from, Instant to, Consumer<Finding> sink);
}
