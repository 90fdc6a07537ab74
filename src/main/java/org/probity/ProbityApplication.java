package org.probity;

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

  public static void main(String[] args) {
    SpringApplication.run(ProbityApplication.class, args);
  }
}
