package org.probity.oversight.internal;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user on whose behalf the engine is running (null for the engine itself, e.g. a timer). */
final class CurrentUser {

  private CurrentUser() {}

  static String of(ProcessEngineServices services) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
