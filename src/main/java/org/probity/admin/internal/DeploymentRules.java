package org.probity.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilder;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.probity.admin.BpmnValidator;
import org.probity.admin.Violation;
import org.probity.identity.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * Probity's deployment rules (see {@link BpmnValidator} for the list). The XML is read twice: by
 * Camunda's model API (does it parse as BPMN/DMN at all) and by a hardened DOM parser that refuses
 * any DOCTYPE, on which the rules walk every element and attribute, so that an unusual place for a
 * script or an expression is not missed.
 */
@Component
class DeploymentRules implements BpmnValidator {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Readable ids: a type, an underscore, then a name in UpperCamelCase, e.g. {@code UserTask_AssessAdmissibility}. */
  static final Pattern READABLE_ID = Pattern.compile("[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");

  /** Process ids are process definition keys: lower-case words joined by hyphens, e.g. {@code complaint-handling}. */
  static final Pattern PROCESS_KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private static final Set<String> TIMER_ELEMENTS = Set.of("timeDate", "timeDuration", "timeCycle");
  private static final Set<String> LISTENERS = Set.of("executionListener", "taskListener");
  /** Elements whose ids the modeler generates and does not show (so do event definitions). */
  private static final Set<String> IDS_NOT_CHECKED = Set.of("definitions", "laneSet", "process");

  private final AdminProperties.Validation properties;
  private final ApplicationContext context;
  private final ObjectMapper json = new ObjectMapper();
  private final SafeExpressions expressions;
  private volatile Set<String> classpathForms;
  private volatile ProcessEngineConfigurationImpl engine;

  DeploymentRules(AdminProperties properties, ApplicationContext context) {
    this.properties = properties.validation();
    this.context = context;
    this.expressions = new SafeExpressions(this::isExpressionBean, name -> context.containsBean(name) && !isExpressionBean(name));
  }

  /** Lets form references find forms already deployed to the engine. */
  void useEngine(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  @Override
  public List<Violation> validateDeployment(Map<String, byte[]> resources) {
    Set<String> formsInDeployment = new HashSet<>();
    resources.forEach(
        (name, content) -> {
          if (name.endsWith(".form") && content.length <= properties.maxResourceSize().toBytes()) {
            formId(content).ifPresent(formsInDeployment::add);
          }
        });
    List<Violation> violations = new ArrayList<>();
    resources.forEach((name, content) -> violations.addAll(new Check(name, content, formsInDeployment).run()));
    return violations;
  }

  /** Probity's own delegates and listeners: beans under org.probity whose class name says so. */
  boolean isProbityDelegate(String beanName) {
    if (!context.containsBean(beanName)) {
      return false;
    }
    Class<?> type = context.getType(beanName, false);
    if (type == null) {
      return false;
    }
    type = ClassUtils.getUserClass(type);
    String simpleName = type.getSimpleName();
    return type.getName().startsWith("org.probity.") && (simpleName.endsWith("Delegate") || simpleName.endsWith("Listener"));
  }

  private boolean isExpressionBean(String beanName) {
    return isProbityDelegate(beanName) || (properties.expressionBeans().contains(beanName) && context.containsBean(beanName));
  }

  private Optional<String> formId(byte[] content) {
    try {
      JsonNode id = json.readTree(content).path("id");
      return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Set<String> classpathForms() {
    Set<String> forms = classpathForms;
    if (forms == null) {
      forms = new HashSet<>();
      try {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
          formId(resource.getContentAsByteArray()).ifPresent(forms::add);
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the forms on the classpath", e);
      }
      classpathForms = forms;
    }
    return forms;
  }

  private boolean deployedFormExists(String key) {
    ProcessEngineConfigurationImpl configuration = engine;
    if (configuration == null) {
      return false;
    }
    return configuration
        .getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null);
  }

  /** The checks of one resource. */
  private final class Check {
    private final String resource;
    private final byte[] content;
    private final Set<String> formsInDeployment;
    private final List<Violation> violations = new ArrayList<>();

    Check(String resource, byte[] content, Set<String> formsInDeployment) {
      this.resource = resource;
      this.content = content;
      this.formsInDeployment = formsInDeployment;
    }

    List<Violation> run() {
      long max = properties.maxResourceSize().toBytes();
      if (content.length > max) {
        add(null, "size", "the file has " + content.length + " bytes; at most " + max + " are accepted");
        return violations;
      }
      String name = resource.toLowerCase(Locale.ROOT);
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        xml().filter(document -> parses(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(content)))).ifPresent(this::bpmn);
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        xml().filter(document -> parses(() -> Dmn.readModelFromStream(new ByteArrayInputStream(content)))).ifPresent(this::dmn);
      } else if (name.endsWith(".form")) {
        form();
      } else {
        add(null, "resource-type", "only .bpmn, .dmn and .form files may be deployed");
      }
      return violations;
    }

    private void add(String elementId, String rule, String message) {
      violations.add(new Violation(resource, elementId, rule, message));
    }

    /** The document, parsed with every DOCTYPE refused; empty (with a violation) if it is not plain XML. */
    private Optional<Document> xml() {
      String head = new String(content, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
      if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
        add(null, "xml-doctype", "XML with a DOCTYPE or entity declarations is refused");
        return Optional.empty();
      }
      try {
        DocumentBuilder builder = SecureXml.builder();
        return Optional.of(builder.parse(new ByteArrayInputStream(content)));
      } catch (SAXParseException e) {
        if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
          add(null, "xml-doctype", "XML with a DOCTYPE or entity declarations is refused");
        } else {
          add(null, "parse", "not well-formed XML (line " + e.getLineNumber() + "): " + e.getMessage());
        }
      } catch (Exception e) {
        add(null, "parse", "not readable as XML: " + e.getMessage());
      }
      return Optional.empty();
    }

    private boolean parses(Runnable parse) {
      try {
        parse.run();
        return true;
      } catch (RuntimeException e) {
        Throwable cause = e;
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
          cause = cause.getCause();
          message.append(": ").append(cause.getMessage());
        }
        add(null, "parse", message.toString());
        return false;
      }
    }

    // ---- BPMN

    private void bpmn(Document document) {
      walk(document.getDocumentElement());
    }

    private void walk(Element element) {
      String namespace = element.getNamespaceURI();
      String name = element.getLocalName();
      if (BPMN.equals(namespace)) {
        if (name.equals("documentation") || name.equals("text")) {
          return; // prose, never evaluated
        }
        bpmnElement(element, name);
      } else if (CAMUNDA.equals(namespace)) {
        camundaElement(element, name);
      } else if (element != element.getOwnerDocument().getDocumentElement()) {
        return; // diagram interchange (shapes, edges) and foreign extensions: not executed
      }
      attributes(element);
      String text = directText(element);
      if (SafeExpressions.containsExpression(text) && !(BPMN.equals(namespace) && TIMER_ELEMENTS.contains(name))) {
        expressions.check(text).ifPresent(problem -> add(idOf(element), "expression", problem));
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          walk(childElement);
        }
      }
    }

    private void bpmnElement(Element element, String name) {
      String id = element.getAttribute("id");
      if (!id.isEmpty() && !IDS_NOT_CHECKED.contains(name) && !name.endsWith("EventDefinition") && !READABLE_ID.matcher(id).matches()) {
        add(id, "element-id", "'" + id + "' is not a readable id; name it like " + capitalize(name) + "_WhatItDoes");
      }
      switch (name) {
        case "process" -> process(element, id);
        case "scriptTask" -> add(id, "script-task", "script tasks are not allowed; use a service task with one of Probity's delegates");
        case "userTask" -> userTask(element, id);
        case "timerEventDefinition" -> timers(element);
        case "conditionExpression", "completionCondition", "script" -> {
          if (!element.getAttribute("language").isEmpty()) {
            add(idOf(element), "script-condition", "script conditions (language=\"" + element.getAttribute("language") + "\") are not allowed");
          }
        }
        default -> {}
      }
    }

    private void process(Element process, String id) {
      if (!PROCESS_KEY.matcher(id).matches()) {
        add(id, "element-id", "the process id '" + id + "' is its key: lower-case words joined by hyphens, e.g. complaint-handling");
      }
      if (!"false".equals(process.getAttribute("isExecutable").trim())) {
        String ttl = process.getAttributeNS(CAMUNDA, "historyTimeToLive").trim();
        if (ttl.isEmpty()) {
          add(id, "history-ttl", "an executable process needs camunda:historyTimeToLive (days, or P<n>D)");
        } else if (!ttl.matches("\\d+|P\\d+D")) {
          add(id, "history-ttl", "camunda:historyTimeToLive '" + ttl + "' is neither a number of days nor P<n>D");
        }
      }
    }

    private void userTask(Element task, String id) {
      String groups = task.getAttributeNS(CAMUNDA, "candidateGroups").trim();
      String assignee = task.getAttributeNS(CAMUNDA, "assignee").trim();
      boolean routed = false;
      if (!groups.isEmpty()) {
        List<String> unknown =
            Arrays.stream(groups.split(",")).map(String::trim).filter(group -> Role.byId(group).isEmpty()).toList();
        if (unknown.isEmpty()) {
          routed = true;
        } else {
          add(id, "user-task-routing", "candidate groups " + unknown + " are not Probity roles");
        }
      }
      if (!assignee.isEmpty()) {
        Optional<String> variable = SafeExpressions.simpleVariable(assignee);
        if (variable.isPresent() && (properties.assigneeVariables().contains(variable.get()) || variable.get().equals(elementVariable(task)))) {
          routed = true;
        } else {
          add(id, "user-task-routing", "assignee '" + assignee + "' is not ${v} for an allowed variable v of " + properties.assigneeVariables());
        }
      }
      if (!routed && groups.isEmpty() && assignee.isEmpty()) {
        add(id, "user-task-routing", "the user task is routed to nobody: set camunda:candidateGroups to Probity roles");
      }
    }

    /** A multi-instance task may be assigned to each element of its collection: {@code ${member}}. */
    private String elementVariable(Element task) {
      for (Node child = task.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element loop && BPMN.equals(loop.getNamespaceURI()) && loop.getLocalName().equals("multiInstanceLoopCharacteristics")) {
          String variable = loop.getAttributeNS(CAMUNDA, "elementVariable").trim();
          return variable.isEmpty() ? null : variable;
        }
      }
      return null;
    }

    private void timers(Element definition) {
      String id = idOf(definition);
      boolean any = false;
      for (Node child = definition.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element timer && BPMN.equals(timer.getNamespaceURI()) && TIMER_ELEMENTS.contains(timer.getLocalName())) {
          any = true;
          timer(id, timer.getLocalName(), timer.getTextContent().trim());
        }
      }
      if (!any) {
        add(id, "timer", "the timer has no timeDate, timeDuration or timeCycle");
      }
    }

    private void timer(String id, String kind, String value) {
      if (value.startsWith("${") && value.endsWith("}")) {
        // a variable, or a call on an allowed bean (a timer start event has no variables to read)
        expressions.check(value).ifPresent(problem -> add(id, "expression", problem));
        return;
      }
      try {
        switch (kind) {
          case "timeDate" -> DateTimeUtil.parseDate(value);
          case "timeDuration" -> DatatypeFactory.newInstance().newDuration(value);
          default -> {
            if (value.startsWith("R")) {
              new DurationHelper(value).getDateAfter();
            } else {
              CronTimer.parse(value);
            }
          }
        }
      } catch (Exception e) {
        add(id, "timer", kind + " '" + value + "' is neither ISO 8601" + (kind.equals("timeCycle") ? " nor cron" : "") + " nor ${variable}");
      }
    }

    private void camundaElement(Element element, String name) {
      switch (name) {
        case "script" -> {
          Node parent = element.getParentNode();
          boolean inListener = parent instanceof Element p && CAMUNDA.equals(p.getNamespaceURI()) && LISTENERS.contains(p.getLocalName());
          add(idOf(element), inListener ? "script-listener" : "script", inListener ? "script listeners are not allowed" : "scripts are not allowed");
        }
        case "connector" -> add(idOf(element), "connector", "Camunda connectors are not allowed; use one of Probity's delegates");
        default -> {}
      }
    }

    private void attributes(Element element) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
          continue;
        }
        if (CAMUNDA.equals(attribute.getNamespaceURI())) {
          if (name.equals("class") || name.endsWith("Class")) {
            add(idOf(element), "java-class", "camunda:" + name + " is not allowed; use camunda:delegateExpression=\"${probityDelegate}\"");
            continue;
          }
          if (name.equals("delegateExpression") || name.endsWith("DelegateExpression")) {
            delegate(idOf(element), name, value);
            continue;
          }
          if (name.equals("formKey")) {
            add(idOf(element), "form-key", "camunda:formKey is not allowed (embedded forms run code in Tasklist); use camunda:formRef");
            continue;
          }
          if (name.equals("formRef")) {
            formRef(idOf(element), value.trim());
            String binding = element.getAttributeNS(CAMUNDA, "formRefBinding");
            if (!Set.of("deployment", "latest", "version").contains(binding)) {
              add(idOf(element), "form-ref", "camunda:formRefBinding must be deployment, latest or version, not '" + binding + "'");
            }
            continue;
          }
          if (name.equals("assignee") || name.equals("candidateGroups")) {
            continue; // the routing rule
          }
        }
        if (SafeExpressions.containsExpression(value)) {
          expressions.check(value).ifPresent(problem -> add(idOf(element), "expression", problem));
        }
      }
    }

    private void delegate(String id, String attribute, String value) {
      Optional<String> bean = SafeExpressions.simpleVariable(value);
      if (bean.isEmpty()) {
        add(id, "delegate", "camunda:" + attribute + " must be ${beanName}, not '" + value + "'");
      } else if (!context.containsBean(bean.get())) {
        add(id, "delegate", "there is no bean '" + bean.get() + "'");
      } else if (!isProbityDelegate(bean.get())) {
        add(id, "delegate", "'" + bean.get() + "' is not one of Probity's delegates or listeners");
      }
    }

    private void formRef(String id, String form) {
      if (SafeExpressions.containsExpression(form)) {
        add(id, "form-ref", "camunda:formRef must name a form, not an expression");
      } else if (!formsInDeployment.contains(form) && !classpathForms().contains(form) && !deployedFormExists(form)) {
        add(id, "form-ref", "there is no form with id '" + form + "' (forms/, this deployment, or deployed)");
      }
    }

    // ---- DMN

    private void dmn(Document document) {
      dmnWalk(document.getDocumentElement());
    }

    private void dmnWalk(Element element) {
      String language = element.getAttribute("expressionLanguage").trim();
      if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
        add(idOf(element), "dmn-expression-language", "only FEEL is allowed, not '" + language + "'");
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          dmnWalk(childElement);
        }
      }
    }

    // ---- forms

    private void form() {
      JsonNode form;
      try {
        form = json.readTree(content);
      } catch (IOException e) {
        add(null, "parse", "not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        return;
      }
      if (form == null || !form.isObject()) {
        add(null, "form-json", "a form is a JSON object");
        return;
      }
      if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
        add(null, "form-json", "the form has no id");
      }
      if (!form.path("components").isArray()) {
        add(form.path("id").asText(null), "form-json", "the form has no components");
      }
    }
  }

  static String idOf(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  private static String directText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** For messages that list several resources. */
  static Map<String, List<Violation>> byResource(List<Violation> violations) {
    Map<String, List<Violation>> grouped = new LinkedHashMap<>();
    violations.forEach(v -> grouped.computeIfAbsent(v.resource(), r -> new ArrayList<>()).add(v));
    return grouped;
  }
}
