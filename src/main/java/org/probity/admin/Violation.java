package org.probity.admin;

/**
 * One broken rule in a deployment resource.
 *
 * @param resource the resource (file) name
 * @param elementId the id of the element at fault, or {@code null} where the whole file is at fault
 *     (size, XML doctype, unparseable)
 * @param rule the rule's id (see {@link BpmnValidator} for the list)
 * @param message what is wrong, for a person
 */
public record Violation(String resource, String elementId, String rule, String message) {

  @Override
  public String toString() {
    return resource + (elementId == null ? "" : " [" + elementId + "]") + " " + rule + ": " + message;
  }
}
