package org.probity.personnel;

import java.util.List;

/** One page of search results, ordered by service number. */
public record PersonnelPage(List<PersonnelRecord> items, int page, int size, long total) {}
