package org.probity.tasks.internal;

import org.probity.support.ProbityTest;

/** {@link InboxQueryCases} on H2. */
@ProbityTest
class InboxQueryTest extends InboxQueryCases {}
