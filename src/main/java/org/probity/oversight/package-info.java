/**
 * Civilian oversight reviews by the oversight committee (process {@code oversight-review}).
 *
 * <p>The module's API is the committee's vote arithmetic, {@link org.probity.oversight.VoteCount}
 * and {@link org.probity.oversight.Quorum}: plain Java, reused by every process in which the
 * committee votes (for example {@code equality-program-approval}).
 */
package org.probity.oversight;
