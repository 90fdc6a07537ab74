package org.probity;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.probity.support.ProbityTest;

/** JVM-wide settings the application makes at start. */
@ProbityTest
class ProbityApplicationTest {

  /** Camunda's timers ask for a DatatypeFactory each time: named, it is found without a class path scan. */
  @Test
  void theDatatypeFactoryIsNamedSoThatTimersDoNotScanTheClassPath() throws Exception {
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }
}
