package org.probity.common.forms;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API ({@code /engine-rest}) with one addition: a refused form submission answers
 * 400 on every resource. Camunda's task and start-form resources already do; its
 * {@code POST /process-definition/.../start} wraps every engine exception into a 500.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(FormSubmissionRefusedMapper.class);
  }
}
