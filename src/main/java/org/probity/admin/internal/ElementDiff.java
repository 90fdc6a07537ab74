package org.probity.admin.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Element-level difference of two BPMN files: elements are matched by id; an element's properties
 * are its attributes plus everything below it that has no id of its own (extension elements,
 * conditions, timers), each under a path such as {@code extensionElements/camunda:taskListener[1]@event}.
 * The diagram (shapes, positions) is left out: moving a box is not a change of the process.
 */
final class ElementDiff {

  private ElementDiff() {}

  record ElementSummary(String id, String type, String name) {}

  record AttributeChange(String name, String before, String after) {}

  record ChangedElement(String id, String type, String name, List<AttributeChange> changes) {}

  record Changes(List<ElementSummary> added, List<ElementSummary> removed, List<ChangedElement> changed) {
    boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  private record Snapshot(String type, String name, Map<String, String> properties) {}

  static Changes between(byte[] before, byte[] after) {
    Map<String, Snapshot> old = before == null ? Map.of() : elements(before);
    Map<String, Snapshot> now = elements(after);
    List<ElementSummary> added = new ArrayList<>();
    List<ElementSummary> removed = new ArrayList<>();
    List<ChangedElement> changed = new ArrayList<>();
    now.forEach(
        (id, element) -> {
          Snapshot previous = old.get(id);
          if (previous == null) {
            added.add(new ElementSummary(id, element.type(), element.name()));
            return;
          }
          List<AttributeChange> changes = new ArrayList<>();
          if (!previous.type().equals(element.type())) {
            changes.add(new AttributeChange("type", previous.type(), element.type()));
          }
          Set<String> keys = new LinkedHashSet<>(previous.properties().keySet());
          keys.addAll(element.properties().keySet());
          for (String key : keys) {
            String was = previous.properties().get(key);
            String is = element.properties().get(key);
            if (!Objects.equals(was, is)) {
              changes.add(new AttributeChange(key, was, is));
            }
          }
          if (!changes.isEmpty()) {
            changed.add(new ChangedElement(id, element.type(), element.name(), changes));
          }
        });
    old.forEach(
        (id, element) -> {
          if (!now.containsKey(id)) {
            removed.add(new ElementSummary(id, element.type(), element.name()));
          }
        });
    return new Changes(added, removed, changed);
  }

  private static Map<String, Snapshot> elements(byte[] xml) {
    Map<String, Snapshot> elements = new LinkedHashMap<>();
    collect(SecureXml.parse(xml).getDocumentElement(), elements);
    return elements;
  }

  private static void collect(Element element, Map<String, Snapshot> elements) {
    if (!DeploymentRules.BPMN.equals(element.getNamespaceURI())) {
      return; // the diagram and foreign content
    }
    String id = element.getAttribute("id");
    if (!id.isEmpty() && !element.getLocalName().equals("definitions")) {
      Map<String, String> properties = new LinkedHashMap<>();
      describe(element, "", properties);
      String name = element.getAttribute("name");
      elements.put(id, new Snapshot(element.getLocalName(), name.isEmpty() ? null : name, properties));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, elements);
      }
    }
  }

  /** Attributes and id-less content of an element, under paths relative to it. */
  private static void describe(Element element, String path, Map<String, String> properties) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getName();
      if (name.equals("id") || name.startsWith("xmlns")) {
        continue;
      }
      properties.put(path + (path.isEmpty() ? "" : "@") + qualified(attribute), attribute.getValue());
    }
    StringBuilder text = new StringBuilder();
    Map<String, Integer> counts = new HashMap<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      } else if (child instanceof Element childElement && childElement.getAttribute("id").isEmpty()) {
        String name = qualified(childElement);
        int index = counts.merge(name, 1, Integer::sum);
        describe(childElement, (path.isEmpty() ? "" : path + "/") + name + "[" + index + "]", properties);
      }
    }
    if (!text.toString().isBlank() && !path.isEmpty()) {
      properties.put(path + "#text", text.toString().trim());
    }
  }

  private static String qualified(Node node) {
    String local = node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
    if (DeploymentRules.CAMUNDA.equals(node.getNamespaceURI())) {
      return "camunda:" + local;
    }
    return local;
  }
}
