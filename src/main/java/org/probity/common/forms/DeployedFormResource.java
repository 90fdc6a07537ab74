package org.probity.common.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Resolves a form reference ({@code camunda:formRef} with its binding, or a
 * {@code camunda-forms:deployment:} key) to the deployed {@code .form} resource, exactly as
 * Camunda's own "deployed form" endpoints do, and gives it parsed. No authorization check here:
 * callers check first ({@link DeployedForms}).
 *
 * <p>A deployment's resources never change, so a form is parsed once per deployment and resource
 * name ({@link Parsed}); the reference is still resolved on every call (a "latest" binding follows
 * new deployments), only the read of the resource's bytes is saved.
 */
final class DeployedFormResource<T> extends AbstractGetDeployedFormCmd {

  private final FormData formData;
  private final Parsed<T> parsed;
  private T form;

  private DeployedFormResource(FormData formData, Parsed<T> parsed) {
    this.formData = formData;
    this.parsed = parsed;
  }

  /** The parsed form that {@code formData} refers to. */
  static <T> T parsedOf(FormData formData, Parsed<T> parsed, CommandContext context) {
    DeployedFormResource<T> resource = new DeployedFormResource<>(formData, parsed);
    resource.execute(context);
    return resource.form;
  }

  @Override
  protected FormData getFormData() {
    return formData;
  }

  @Override
  protected void checkAuthorization() {
    // callers check (or, in SubmissionGuard, say what is wrong only to whoever passes the
    // command's own check)
  }

  @Override
  protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
    String location = deploymentId + '/' + resourceName;
    form = parsed.byLocation.get(location);
    if (form == null) {
      try (InputStream in = super.getDeploymentResource(deploymentId, resourceName)) {
        form = parsed.parser.parse(in);
      } catch (IOException e) {
        throw new IllegalStateException("The deployed form " + resourceName + " is not valid JSON", e);
      }
      if (parsed.byLocation.size() >= Parsed.MAX_FORMS) {
        parsed.byLocation.clear(); // bounded: many redeployments must not grow it for ever
      }
      parsed.byLocation.put(location, form);
    }
    return InputStream.nullInputStream(); // the caller reads the parsed form, not the stream
  }

  /** Forms parsed by one parser, by deployment id and resource name. */
  static final class Parsed<T> {
    static final int MAX_FORMS = 1_000;
    private final Map<String, T> byLocation = new ConcurrentHashMap<>();
    private final DeployedForms.Parser<T> parser;

    Parsed(DeployedForms.Parser<T> parser) {
      this.parser = parser;
    }
  }
}
