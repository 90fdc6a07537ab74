package org.probity.admin;

import java.util.List;
import java.util.Map;

/**
 * Probity's rules for what may be deployed to the engine. The engine itself runs these rules on
 * every new deployment (Java API, {@code /engine-rest}, Cockpit, the start-up auto-deployment), so
 * this interface is for asking before deploying, e.g. to show violations in an editor.
 *
 * <p>Rules (the {@link Violation#rule()} ids):
 * <ul>
 *   <li>{@code size}: a resource is larger than {@code probity.admin.validation.max-resource-size};
 *   <li>{@code xml-doctype}: XML with a DOCTYPE (refused outright: no entities, no XXE);
 *   <li>{@code parse}: the file does not parse (Camunda's BPMN/DMN model API, JSON for forms);
 *   <li>{@code resource-type}: only {@code .bpmn}, {@code .dmn} and {@code .form} resources;
 *   <li>{@code user-task-routing}: a user task without known candidate groups (role ids) or an
 *       allowed assignee ({@code ${initiator}} or another configured variable);
 *   <li>{@code form-ref}: a {@code camunda:formRef} that names no known form;
 *       {@code form-key}: {@code camunda:formKey} (embedded HTML forms) is not allowed;
 *   <li>{@code delegate}: a delegate expression that is not {@code ${beanName}} of one of Probity's
 *       own delegates or listeners;
 *   <li>{@code script-task}, {@code script-listener}, {@code script}, {@code script-condition}:
 *       scripts of any kind; {@code java-class}: {@code camunda:class} and the like;
 *       {@code connector}: Camunda connectors;
 *   <li>{@code expression}: an expression outside the safe grammar;
 *   <li>{@code timer}: a timer that does not parse;
 *   <li>{@code history-ttl}: an executable process without {@code camunda:historyTimeToLive};
 *   <li>{@code element-id}: an element id that is not readable (a modeler default);
 *   <li>{@code form-json}: a form without {@code id} or {@code components};
 *   <li>{@code dmn-expression-language}: a DMN expression in another language than FEEL.
 * </ul>
 */
public interface BpmnValidator {

  /** The violations of one resource, judged on its own (forms it references must already exist). */
  default List<Violation> validate(String resourceName, byte[] content) {
    return validateDeployment(Map.of(resourceName, content));
  }

  /** The violations of a deployment: resources may reference the forms deployed with them. */
  List<Violation> validateDeployment(Map<String, byte[]> resources);
}
