package org.probity;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of {@code org.probity} is a module; another module may use only its
 * top-level package (its API), never its internals, and modules do not depend on each other in
 * cycles. {@code common} is open to all.
 */
class ModuleBoundariesTest {

  @Test
  void modulesRespectTheirBoundaries() {
    ApplicationModules.of(ProbityApplication.class).verify();
  }
}
