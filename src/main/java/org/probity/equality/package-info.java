/**
 * Equality programs: approval of horizontal-equality programs with an atrocity-prevention lens
 * (process {@code equality-program-approval}), from proposal through impact assessment, risk lens,
 * equity score, finance review and committee vote to implementation, monitoring and closure.
 */
package org.probity.equality;
