package org.probity.common.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The deployed Camunda Form of a task or a start event, read inside an engine command and parsed
 * into whatever the caller needs (the engine's validation schema, a page's fields). Each form is
 * parsed once per deployment and resource name, and read inside the caller's command, so it adds no
 * transaction and no second read of the task.
 *
 * <p>No authorization check: the caller has made its own (the task page, Camunda's check of the
 * command it guards). A task or start event without a Camunda Form ({@code camunda:formRef} or a
 * {@code camunda-forms:} key) has none here.
 */
public final class DeployedForms<T> {

  /** Reads a form's JSON. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(InputStream json) throws IOException;
  }

  private final DeployedFormResource.Parsed<T> parsed;

  public DeployedForms(Parser<T> parser) {
    this.parsed = new DeployedFormResource.Parsed<>(parser);
  }

  /** The form of a task (it must exist), or empty when it has none. */
  public Optional<T> ofTask(String taskId, CommandContext context) {
    return of(context.runWithoutAuthorization(new GetTaskFormCmd(taskId)), context);
  }

  /** The form of a process definition's start event, or empty when it has none. */
  public Optional<T> ofStart(String processDefinitionId, CommandContext context) {
    return of(context.runWithoutAuthorization(new GetStartFormCmd(processDefinitionId)), context);
  }

  private Optional<T> of(FormData formData, CommandContext context) {
    if (formData == null || (formData.getCamundaFormRef() == null && !isCamundaFormKey(formData.getFormKey()))) {
      return Optional.empty();
    }
    return Optional.of(DeployedFormResource.parsedOf(formData, parsed, context));
  }

  private static boolean isCamundaFormKey(String formKey) {
    return formKey != null && formKey.startsWith("camunda-forms:");
  }
}
