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
 * Camunda's own "deployed form" endpoints do, and gives its parsed schema. No authorization
 * check here: see {@link #checkAuthorization}.
 *
 * <p>A deployment's resources never change, so the schema is parsed once per deployment and
 * resource name ({@link ParsedForms}); the reference is still resolved on every call (a "latest"
 * binding follows new deployments), only the read of the resource's bytes is saved.
 */
final class DeployedFormResource extends AbstractGetDeployedFormCmd {

  private final FormData formData;
  private final ParsedForms parsed;
  private FormSchema schema;

  private DeployedFormResource(FormData formData, ParsedForms parsed) {
    this.formData = formData;
    this.parsed = parsed;
  }

  /** The schema of the form that {@code formData} refers to. */
  static FormSchema schemaOf(FormData formData, ParsedForms parsed, CommandContext context) {
    DeployedFormResource resource = new DeployedFormResource(formData, parsed);
    resource.execute(context);
    return resource.schema;
  }

  @Override
  protected FormData getFormData() {
    return formData;
  }

  @Override
  protected void checkAuthorization() {
    // the schema is internal to SubmissionGuard: it says what is wrong with the values only to
    // someone who passes the command's own permission check
  }

  @Override
  protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
    String location = deploymentId + '/' + resourceName;
    schema = parsed.byLocation.get(location);
    if (schema == null) {
      try (InputStream in = super.getDeploymentResource(deploymentId, resourceName)) {
        schema = FormSchema.parse(in);
      } catch (IOException e) {
        throw new IllegalStateException("The deployed form " + resourceName + " is not valid JSON", e);
      }
      if (parsed.byLocation.size() >= ParsedForms.MAX_FORMS) {
        parsed.byLocation.clear(); // bounded: many redeployments must not grow it for ever
      }
      parsed.byLocation.put(location, schema);
    }
    return InputStream.nullInputStream(); // the caller reads the schema, not the stream
  }

  /** Parsed schemas by deployment id and resource name; one per engine. */
  static final class ParsedForms {
    static final int MAX_FORMS = 1_000;
    private final Map<String, FormSchema> byLocation = new ConcurrentHashMap<>();
  }
}
