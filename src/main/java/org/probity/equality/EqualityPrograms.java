package org.probity.equality;

import java.util.Optional;

/** Reads equality programs (for case pages, exports and tests). */
public interface EqualityPrograms {

  Optional<EqualityProgram> findByReference(String reference);

  Optional<EqualityProgram> findByProcessInstance(String processInstanceId);
}
