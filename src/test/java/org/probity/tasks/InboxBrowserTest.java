package org.probity.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.probity.support.Browser;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End to end in headless Chromium (Debian's chromium and chromedriver): an intake officer starts a
 * case through the rendered start form, an investigator claims and completes the next task through
 * the rendered task form and sees it on the case's timeline; refused submissions show their
 * messages and keep what was typed; a user of another group cannot open the task. Screenshots go
 * to target/screenshots/.
 */
@ProbityTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxBrowserTest {


  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  InboxProbe probe;
  WebDriver driver;
  Browser browser;

  @BeforeAll
  void startBrowser() throws IOException {
    probe = new InboxProbe(engine).deploy();
    browser = Browser.start(port, 1280);
    driver = browser.driver();
  }

  @AfterAll
  void stopBrowser() throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      probe.undeploy();
    }
  }

  @Test
  void intakeStartsACaseAnInvestigatorClaimsAndCompletesTheNextTaskAndSeesTheTimeline() throws IOException {
    browser.logIn("intake");
    browser.open("/inbox");
    browser.clickAndWaitForPage(driver.findElement(By.linkText("Inbox probe")));
    driver.findElement(By.id("f-summary")).sendKeys("Phone taken at a checkpoint");
    new Select(driver.findElement(By.id("f-severity"))).selectByValue("high");
    driver.findElement(By.id("f-incidents")).sendKeys("2");
    driver.findElement(By.id("f-anonymous")).click();
    // a date input's typing order depends on the locale: set the ISO value directly
    browser.js("arguments[0].value = '2099-01-31'", driver.findElement(By.id("f-reviewDue")));
    browser.clickAndWaitForPage(driver.findElement(By.id("start")));

    assertThat(driver.getCurrentUrl()).contains("/cases/IP-");
    String reference = driver.findElement(By.cssSelector("h1 span:nth-child(2)")).getText();
    assertThat(driver.findElement(By.id("data")).isDisplayed()).isTrue();
    assertThat(driver.getPageSource()).contains("Phone taken at a checkpoint");

    browser.logIn("investigator");
    browser.open("/inbox?process=inbox-probe");
    WebElement row = driver.findElement(By.xpath("//tr[td/a[text()='" + reference + "']]"));
    assertThat(row.getText()).contains("Review the complaint").contains("Inbox probe").contains("2099-01-31");
    browser.screenshot("inbox");
    browser.clickAndWaitForPage(row.findElement(By.cssSelector("button[aria-label^='Claim']")));

    assertThat(driver.getCurrentUrl()).contains("/tasks/");
    assertThat(driver.findElement(By.cssSelector("aside.context")).getText()).contains(reference).contains("Phone taken at a checkpoint");
    driver.findElement(By.id("f-assessment")).sendKeys("Credible account");
    driver.findElement(By.id("f-admissible-0")).click();
    driver.findElement(By.id("f-witnesses")).sendKeys("2");
    browser.screenshot("task");
    browser.clickAndWaitForPage(driver.findElement(By.id("complete")));

    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("The task is completed.");
    browser.open("/cases/" + reference);
    String timeline = driver.findElement(By.id("timeline-table")).getText();
    assertThat(timeline).contains("Finished: Review the complaint").contains("investigator").contains("Operation: Complete");
    assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("Record the finding");
    assertThat(driver.findElement(By.id("done-tasks")).getText()).contains("Review the complaint").contains("investigator");
    browser.screenshot("case");
  }

  @Test
  void aRefusedSubmissionShowsItsMessageAndKeepsWhatWasTyped() {
    ProcessInstance instance = probe.start("BR");
    String taskId = probe.taskId(instance);
    browser.logIn("investigator");
    browser.open("/tasks/" + taskId);
    driver.findElement(By.id("f-assessment")).sendKeys("Kept words");
    driver.findElement(By.id("f-reasons")).sendKeys("Line one of the reasons");
    // a client that skips the browser's own checks: the server must refuse by itself
    browser.js("arguments[0].noValidate = true", driver.findElement(By.id("task-form")));
    browser.js("arguments[0].type = 'text'; arguments[0].value = 'many'", driver.findElement(By.id("f-witnesses")));
    browser.clickAndWaitForPage(driver.findElement(By.id("complete")));

    assertThat(driver.findElement(By.id("form-errors")).getText()).contains("not accepted");
    assertThat(driver.findElement(By.id("f-witnesses-error")).getText()).isEqualTo("Enter a number.");
    assertThat(driver.findElement(By.id("f-witnesses")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(driver.findElement(By.id("f-assessment")).getAttribute("value")).isEqualTo("Kept words");
    assertThat(driver.findElement(By.id("f-witnesses")).getAttribute("value")).isEqualTo("many");
    assertThat(driver.findElement(By.id("f-reasons")).getAttribute("value")).isEqualTo("Line one of the reasons");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  /**
   * The engine's own refusal (the shared form validation of common.forms): a value too long and a
   * required choice missing. It first checks that the engine refuses an empty completion by
   * itself, so that the test fails rather than passing vacuously if the validation were removed.
   */
  @Test
  void theEnginesRefusalShowsEachFieldsMessageAndKeepsWhatWasTyped() {
    assertThat(engineValidatesForms()).as("the engine refuses an empty completion by itself").isTrue();
    ProcessInstance instance = probe.start("BR");
    String taskId = probe.taskId(instance);
    browser.logIn("investigator");
    browser.open("/tasks/" + taskId);
    browser.js("arguments[0].noValidate = true", driver.findElement(By.id("task-form")));
    String tooLong = "This assessment is far too long";
    browser.js("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1]", driver.findElement(By.id("f-assessment")), tooLong);
    browser.clickAndWaitForPage(driver.findElement(By.id("complete")));

    assertThat(driver.findElement(By.id("form-errors")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("f-assessment")).getAttribute("value")).isEqualTo(tooLong);
    // each refused field carries its own message, tied to the field for screen readers
    assertThat(driver.findElement(By.id("f-assessment-error")).getText()).isNotBlank();
    assertThat(driver.findElement(By.id("f-assessment")).getAttribute("aria-describedby")).isEqualTo("f-assessment-error");
    assertThat(driver.findElement(By.id("f-admissible-error")).getText()).isNotBlank();
    browser.screenshot("task-refused");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void aUserOfAnotherGroupCannotOpenTheTaskOrTheCase() {
    ProcessInstance instance = probe.start("BR");
    String taskId = probe.taskId(instance);
    browser.logIn("vetting");
    browser.open("/tasks/" + taskId);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertThat(driver.getPageSource()).doesNotContain("Review the complaint");
    browser.open("/cases/" + instance.getBusinessKey());
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    browser.open("/inbox");
    assertThat(driver.getPageSource()).doesNotContain(instance.getBusinessKey());
  }

  private boolean engineValidatesForms() {
    ProcessInstance instance = probe.start("PRB");
    String taskId = probe.taskId(instance);
    try {
      engine.getTaskService().complete(taskId, Map.of());
      return false;
    } catch (FormException refused) {
      return true;
    } finally {
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "probe");
    }
  }





}
