package org.probity.personnel;

import java.util.Map;
import org.probity.common.InvalidInputException;

/** A registration with a service number that is already registered; nothing was stored. */
public class DuplicateServiceNumberException extends InvalidInputException {

  public DuplicateServiceNumberException(String serviceNumber) {
    super(
        "Service number " + serviceNumber + " is already registered",
        Map.of("serviceNumber", "is already registered"));
  }
}
