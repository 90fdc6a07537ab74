package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/** One test BPMN per rule (src/test/resources/admin), each breaking exactly that rule. */
@ProbityTest
class DeploymentRulesTest {

  @Autowired BpmnValidator validator;

  static byte[] resource(String name) {
    try (InputStream in = DeploymentRulesTest.class.getResourceAsStream("/admin/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The BPMN with the form it references, as one deployment. */
  List<Violation> withForm(String bpmn) {
    Map<String, byte[]> deployment = new LinkedHashMap<>();
    deployment.put(bpmn, resource(bpmn));
    deployment.put("intake.form", resource("intake.form"));
    return validator.validateDeployment(deployment);
  }

  @Test
  void aBpmnThatFollowsEveryRulePasses() {
    assertThat(withForm("good.bpmn")).isEmpty();
    assertThat(withForm("multi-instance-assignee.bpmn")).isEmpty();
    assertThat(validator.validate("good.dmn", resource("good.dmn"))).isEmpty();
    assertThat(validator.validate("intake.form", resource("intake.form"))).isEmpty();
  }

  @ParameterizedTest(name = "{0} breaks {1} at {2}")
  @CsvSource({
    "script-task.bpmn, script-task, UserTask_Review",
    "script-listener.bpmn, script-listener, ServiceTask_Record",
    "script-input.bpmn, script, ServiceTask_Record",
    "script-condition.bpmn, script-condition, Flow_Admissible",
    "java-class.bpmn, java-class, ServiceTask_Record",
    "unknown-delegate.bpmn, delegate, ServiceTask_Record",
    "foreign-delegate.bpmn, delegate, ServiceTask_Record",
    "unsafe-expression.bpmn, expression, UserTask_Triage",
    "bean-call-expression.bpmn, expression, Flow_Admissible",
    "unrouted-user-task.bpmn, user-task-routing, UserTask_Review",
    "unknown-group.bpmn, user-task-routing, UserTask_Triage",
    "assignee-not-allowed.bpmn, user-task-routing, UserTask_Review",
    "unknown-form.bpmn, form-ref, UserTask_Triage",
    "form-ref-binding.bpmn, form-ref, UserTask_Triage",
    "form-key.bpmn, form-key, UserTask_Triage",
    "bad-timer.bpmn, timer, TimerEventDefinition_TriageOverdue",
    "no-history-ttl.bpmn, history-ttl, admin-good",
    "connector.bpmn, connector, ServiceTask_Record",
  })
  void eachBrokenRuleIsReportedWithItsElement(String file, String rule, String elementId) {
    List<Violation> violations = withForm(file);
    assertThat(violations).extracting(Violation::rule).containsOnly(rule);
    assertThat(violations).extracting(Violation::elementId).contains(elementId);
    assertThat(violations).allSatisfy(v -> assertThat(v.resource()).isEqualTo(file));
  }

  @Test
  void modelerDefaultIdsAreRefused() {
    List<Violation> violations = withForm("default-ids.bpmn");
    assertThat(violations).extracting(Violation::rule).containsOnly("element-id");
    assertThat(violations)
        .extracting(Violation::elementId)
        .containsExactlyInAnyOrder("StartEvent_1", "Gateway_1abc", "Activity_0x1y2z3", "Flow_0abc");
  }

  @Test
  void anXmlDoctypeIsRefusedBeforeParsing() {
    assertThat(validator.validate("xxe.bpmn", resource("xxe.bpmn")))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("xml-doctype"));
    assertThat(validator.validate("xxe.dmn", resource("xxe.dmn")))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("xml-doctype"));
    // hidden in another encoding, the hardened parser still refuses it
    byte[] utf16 = new String(resource("xxe.bpmn"), StandardCharsets.UTF_8)
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
        .getBytes(StandardCharsets.UTF_16);
    assertThat(validator.validate("xxe16.bpmn", utf16)).extracting(Violation::rule).containsAnyOf("xml-doctype", "parse");
  }

  @Test
  void whatIsNotBpmnDoesNotParse() {
    assertThat(validator.validate("not-bpmn.bpmn", resource("not-bpmn.bpmn"))).extracting(Violation::rule).containsExactly("parse");
    assertThat(validator.validate("broken.bpmn", "<bpmn:definitions".getBytes(StandardCharsets.UTF_8)))
        .extracting(Violation::rule)
        .containsExactly("parse");
  }

  @Test
  void anOversizedFileIsRefusedWithoutParsing() {
    byte[] big = ("<!--" + "x".repeat(1024 * 1024) + "-->").getBytes(StandardCharsets.UTF_8);
    assertThat(validator.validate("big.bpmn", big)).extracting(Violation::rule).containsExactly("size");
  }

  @Test
  void onlyBpmnDmnAndFormsMayBeDeployed() {
    assertThat(validator.validate("tasklist.js", "alert(1)".getBytes(StandardCharsets.UTF_8)))
        .extracting(Violation::rule)
        .containsExactly("resource-type");
  }

  @Test
  void dmnMustUseFeel() {
    assertThat(validator.validate("script.dmn", resource("script.dmn")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("dmn-expression-language");
              assertThat(v.elementId()).isEqualTo("InputExpression_Severity");
            });
  }

  @Test
  void formsNeedAnIdAndComponents() {
    assertThat(validator.validate("bad.form", resource("bad.form"))).extracting(Violation::rule).containsOnly("form-json").hasSize(2);
    assertThat(validator.validate("worse.form", "not json".getBytes(StandardCharsets.UTF_8))).extracting(Violation::rule).containsExactly("parse");
  }
}
