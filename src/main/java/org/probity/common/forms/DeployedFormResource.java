package org.probity.common.forms;

import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;

/**
 * Resolves a form reference ({@code camunda:formRef} with its binding, or a
 * {@code camunda-forms:deployment:} key) to the deployed {@code .form} resource, exactly as
 * Camunda's own "deployed form" endpoints do. Authorization was checked by the caller.
 */
final class DeployedFormResource extends AbstractGetDeployedFormCmd {

  private final FormData formData;

  DeployedFormResource(FormData formData) {
    this.formData = formData;
  }

  @Override
  protected FormData getFormData() {
    return formData;
  }

  @Override
  protected void checkAuthorization() {
    // checked by SubmissionGuard before the form is read
  }
}
