package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.probity.support.Browser;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * End to end in headless Chromium (Debian's chromium and chromedriver), on a test-only process: an
 * administrator opens the process in the bpmn-js editor, selects its user task on the canvas,
 * types a new candidate group into the properties panel and saves a draft with a change note; a
 * second administrator opens the draft, sees the diff naming the changed attribute and approves;
 * a new version is deployed and a new case routes to the new group. Screenshots go to
 * target/screenshots/ (admin-list, admin-editor, admin-draft-diff, admin-path, case-path).
 */
@ProbityTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest {

  static final String KEY = "admin-editor-routing";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  WebDriver driver;
  Browser browser;

  @BeforeAll
  void startBrowser() throws IOException {
    AdminFixtures.ensureSecondAdministrator(jdbc, encoder);
    engine.getRepositoryService()
        .createDeployment()
        .name("admin browser test")
        .addInputStream(KEY + ".bpmn", new ByteArrayInputStream(DeploymentRulesTest.resource("editor-routing.bpmn")))
        .deploy();
    browser = Browser.start(port, 1400);
    driver = browser.driver();
  }

  @AfterAll
  void stopBrowser() throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      AdminFixtures.removeTestProcesses(engine.getRepositoryService());
    }
  }

  @Test
  void anAdministratorReRoutesATaskASecondOneApprovesAndNewCasesGoToTheNewGroup() {
    ProcessDefinition v1 = latest();

    browser.logIn("admin");
    browser.clickAndWaitForPage(driver.findElement(By.id("nav-admin")));
    assertThat(driver.findElement(By.id("processes")).getText()).contains(KEY).contains("complaint-handling");
    browser.screenshot("admin-list");

    browser.open("/admin/versions/" + v1.getId());
    browser.waitFor(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
    browser.clickAndWaitForPage(driver.findElement(By.id("edit")));
    browser.waitFor(d -> "true".equals(d.findElement(By.id("editor")).getAttribute("data-ready")));

    // select the user task on the canvas; the properties panel shows its Camunda attributes
    driver.findElement(By.cssSelector("#canvas g.djs-element[data-element-id='UserTask_Assess']")).click();
    browser.waitFor(d -> !d.findElements(By.cssSelector("[data-group-id='group-CamundaPlatform__UserAssignment']")).isEmpty());
    WebElement groups = driver.findElement(By.id("bio-properties-panel-candidateGroups"));
    if (!groups.isDisplayed()) {
      // opens the "User assignment" group
      driver.findElement(By.cssSelector("[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header-title")).click();
      browser.waitFor(d -> d.findElement(By.id("bio-properties-panel-candidateGroups")).isDisplayed());
    }
    assertThat(groups.getAttribute("value")).isEqualTo("investigators");

    // a group that is no Probity role breaks a rule: named by element id and marked on the canvas
    groups.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    groups.sendKeys("nobody-at-all");
    groups.sendKeys(Keys.TAB);
    browser.waitFor(d -> "nobody-at-all".equals(browser.js("return window.probityModeler.get('elementRegistry').get('UserTask_Assess').businessObject.get('camunda:candidateGroups')")));
    driver.findElement(By.id("validate")).click();
    WebElement violation = browser.waitFor(d -> d.findElement(By.cssSelector("#violations li[data-element='UserTask_Assess']")));
    assertThat(violation.getText()).contains("user-task-routing");
    assertThat(driver.findElements(By.cssSelector("#canvas g.probity-violation[data-element-id='UserTask_Assess']"))).hasSize(1);

    groups = driver.findElement(By.id("bio-properties-panel-candidateGroups"));
    groups.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    groups.sendKeys("vetting-officers");
    groups.sendKeys(Keys.TAB);
    // the panel writes the typed value into the model (after its debounce)
    browser.waitFor(d -> "vetting-officers".equals(browser.js("return window.probityModeler.get('elementRegistry').get('UserTask_Assess').businessObject.get('camunda:candidateGroups')")));

    driver.findElement(By.id("validate")).click();
    browser.waitFor(d -> d.findElement(By.id("editor-status")).getText().equals("The process passes every rule."));
    assertThat(driver.findElements(By.cssSelector("#violations li"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#canvas g.probity-violation"))).isEmpty();

    // without a change note nothing is saved
    driver.findElement(By.id("save-draft")).click();
    assertThat(driver.findElement(By.id("editor-status")).getText()).contains("change note");
    assertThat(driver.getCurrentUrl()).contains("/edit");

    driver.findElement(By.id("change-note")).sendKeys("Assessment moves to the vetting officers");
    browser.screenshot("admin-editor");
    browser.clickAndWaitForPage(driver.findElement(By.id("save-draft")));
    assertThat(driver.getCurrentUrl()).contains("/admin/drafts/");
    String draftUrl = driver.getCurrentUrl();
    assertThat(driver.findElement(By.id("draft-status")).getText()).isEqualTo("Waiting for approval");

    browser.logIn("admin2");
    browser.open("/admin/drafts");
    browser.clickAndWaitForPage(driver.findElement(By.cssSelector("#drafts a[href='" + draftUrl.substring(draftUrl.indexOf("/admin/")) + "']")));
    assertThat(driver.findElement(By.id("draft-note")).getText()).isEqualTo("Assessment moves to the vetting officers");
    String changed = driver.findElement(By.id("diff-changed")).getText();
    assertThat(changed).contains("UserTask_Assess").contains("camunda:candidateGroups").contains("investigators").contains("vetting-officers");
    browser.waitFor(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
    browser.screenshot("admin-draft-diff");
    browser.clickAndWaitForPage(driver.findElement(By.id("approve")));
    assertThat(driver.findElement(By.id("draft-status")).getText()).isEqualTo("Approved and deployed");

    ProcessDefinition v2 = latest();
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    assertThat(driver.findElement(By.id("deployed-version")).getText()).isEqualTo(v2.getId());

    // a new case routes to the new group
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY, "AER-1");
    assertThat(instance.getProcessDefinitionId()).isEqualTo(v2.getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    List<String> candidates =
        engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .toList();
    assertThat(candidates).containsExactly("vetting-officers");

    // its executed path on the admin page: the start event done, the task current
    browser.open("/admin/instances/" + instance.getId());
    WebElement diagram = browser.waitFor(d -> d.findElement(By.cssSelector(".path-diagram[data-ready='true']")));
    assertThat(diagram.findElements(By.cssSelector("g.probity-current[data-element-id='UserTask_Assess']"))).hasSize(1);
    assertThat(diagram.findElements(By.cssSelector("g.probity-done[data-element-id='StartEvent_Received']"))).hasSize(1);
    assertThat(diagram.findElements(By.cssSelector("g.probity-taken[data-element-id='Flow_ReceivedToAssess']"))).hasSize(1);
    assertThat(diagram.findElements(By.cssSelector("g.probity-taken[data-element-id='Flow_AssessToDone']"))).isEmpty();
    browser.screenshot("admin-path");

    // the same path from the case page, for someone entitled to the case: the new group's member
    browser.logIn("vetting");
    browser.open("/cases/AER-1");
    browser.clickAndWaitForPage(driver.findElement(By.id("path-link")));
    WebElement casePath = browser.waitFor(d -> d.findElement(By.cssSelector(".path-diagram[data-ready='true']")));
    assertThat(casePath.findElements(By.cssSelector("g.probity-current[data-element-id='UserTask_Assess']"))).hasSize(1);
    assertThat(casePath.findElements(By.cssSelector("g.probity-taken[data-element-id='Flow_ReceivedToAssess']"))).hasSize(1);
    browser.screenshot("case-path");
  }

  private ProcessDefinition latest() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }






}
