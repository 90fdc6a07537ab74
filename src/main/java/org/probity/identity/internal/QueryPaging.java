package org.probity.identity.internal;

import java.util.List;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.Page;

/** Applies Camunda's first-result/max-results page to a list already filtered in memory. */
final class QueryPaging {

  private QueryPaging() {}

  /** Camunda passes the page, or leaves it null and sets first and max results on the query. */
  static <T> List<T> page(List<T> all, Page page, AbstractQuery<?, ?> query) {
    int first = page != null ? page.getFirstResult() : query.getFirstResult();
    int max = page != null ? page.getMaxResults() : query.getMaxResults();
    int from = Math.min(Math.max(first, 0), all.size());
    long to = Math.min((long) from + Math.max(max, 0), all.size());
    return all.subList(from, (int) to);
  }
}
