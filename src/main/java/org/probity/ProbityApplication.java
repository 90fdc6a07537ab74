package org.probity;

import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Probity: workflow and case management for the oversight of security-sector reform and
 * horizontal-equality programs. Each direct sub-package is one module (see {@code ModuleBoundariesTest}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProbityApplication {

  static {
    // Camunda's DurationHelper calls DatatypeFactory.newInstance() for every timer it schedules
    // (one per complaint intake, for the acknowledgement deadline); unless this property names the
    // implementation, each call scans the class path's jars for a service entry (none here: the
    // JDK's own is the one found, so naming it changes nothing else). Measured: 4 % of an intake's
    // CPU on MariaDB.
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(ProbityApplication.class, args);
  }
}
