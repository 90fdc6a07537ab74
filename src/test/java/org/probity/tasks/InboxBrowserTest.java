package org.probity.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
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

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  InboxProbe probe;
  WebDriver driver;
  Path profile;

  @BeforeAll
  void startBrowser() throws IOException {
    probe = new InboxProbe(engine).deploy();
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    profile = Files.createTempDirectory("probity-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=en",
        "--user-data-dir=" + profile.toAbsolutePath());
    driver = new ChromeDriver(ChromeDriverService.createDefaultService(), options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void stopBrowser() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      probe.undeploy();
      if (profile != null) {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  void intakeStartsACaseAnInvestigatorClaimsAndCompletesTheNextTaskAndSeesTheTimeline() throws IOException {
    logIn("intake");
    open("/inbox");
    clickAndWaitForPage(driver.findElement(By.linkText("Inbox probe")));
    driver.findElement(By.id("f-summary")).sendKeys("Phone taken at a checkpoint");
    new Select(driver.findElement(By.id("f-severity"))).selectByValue("high");
    driver.findElement(By.id("f-incidents")).sendKeys("2");
    driver.findElement(By.id("f-anonymous")).click();
    // a date input's typing order depends on the locale: set the ISO value directly
    js("arguments[0].value = '2099-01-31'", driver.findElement(By.id("f-reviewDue")));
    clickAndWaitForPage(driver.findElement(By.id("start")));

    assertThat(driver.getCurrentUrl()).contains("/cases/IP-");
    String reference = driver.findElement(By.cssSelector("h1 span:nth-child(2)")).getText();
    assertThat(driver.findElement(By.id("data")).isDisplayed()).isTrue();
    assertThat(driver.getPageSource()).contains("Phone taken at a checkpoint");

    logIn("investigator");
    open("/inbox?process=inbox-probe");
    WebElement row = driver.findElement(By.xpath("//tr[td/a[text()='" + reference + "']]"));
    assertThat(row.getText()).contains("Review the complaint").contains("Inbox probe").contains("2099-01-31");
    screenshot("inbox");
    clickAndWaitForPage(row.findElement(By.cssSelector("button[aria-label^='Claim']")));

    assertThat(driver.getCurrentUrl()).contains("/tasks/");
    assertThat(driver.findElement(By.cssSelector("aside.context")).getText()).contains(reference).contains("Phone taken at a checkpoint");
    driver.findElement(By.id("f-assessment")).sendKeys("Credible account");
    driver.findElement(By.id("f-admissible-0")).click();
    driver.findElement(By.id("f-witnesses")).sendKeys("2");
    screenshot("task");
    clickAndWaitForPage(driver.findElement(By.id("complete")));

    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("The task is completed.");
    open("/cases/" + reference);
    String timeline = driver.findElement(By.id("timeline-table")).getText();
    assertThat(timeline).contains("Finished: Review the complaint").contains("investigator").contains("Operation: Complete");
    assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("Record the finding");
    assertThat(driver.findElement(By.id("done-tasks")).getText()).contains("Review the complaint").contains("investigator");
    screenshot("case");
  }

  @Test
  void aRefusedSubmissionShowsItsMessageAndKeepsWhatWasTyped() {
    ProcessInstance instance = probe.start("BR");
    String taskId = probe.taskId(instance);
    logIn("investigator");
    open("/tasks/" + taskId);
    driver.findElement(By.id("f-assessment")).sendKeys("Kept words");
    driver.findElement(By.id("f-reasons")).sendKeys("Line one of the reasons");
    // a client that skips the browser's own checks: the server must refuse by itself
    js("arguments[0].noValidate = true", driver.findElement(By.id("task-form")));
    js("arguments[0].type = 'text'; arguments[0].value = 'many'", driver.findElement(By.id("f-witnesses")));
    clickAndWaitForPage(driver.findElement(By.id("complete")));

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
    logIn("investigator");
    open("/tasks/" + taskId);
    js("arguments[0].noValidate = true", driver.findElement(By.id("task-form")));
    String tooLong = "This assessment is far too long";
    js("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1]", driver.findElement(By.id("f-assessment")), tooLong);
    clickAndWaitForPage(driver.findElement(By.id("complete")));

    assertThat(driver.findElement(By.id("form-errors")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("f-assessment")).getAttribute("value")).isEqualTo(tooLong);
    // each refused field carries its own message, tied to the field for screen readers
    assertThat(driver.findElement(By.id("f-assessment-error")).getText()).isNotBlank();
    assertThat(driver.findElement(By.id("f-assessment")).getAttribute("aria-describedby")).isEqualTo("f-assessment-error");
    assertThat(driver.findElement(By.id("f-admissible-error")).getText()).isNotBlank();
    screenshot("task-refused");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void aUserOfAnotherGroupCannotOpenTheTaskOrTheCase() {
    ProcessInstance instance = probe.start("BR");
    String taskId = probe.taskId(instance);
    logIn("vetting");
    open("/tasks/" + taskId);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertThat(driver.getPageSource()).doesNotContain("Review the complaint");
    open("/cases/" + instance.getBusinessKey());
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    open("/inbox");
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

  private void logIn(String user) {
    driver.manage().deleteAllCookies();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    clickAndWaitForPage(driver.findElement(By.cssSelector("form button[type=submit]")));
    assertThat(driver.getCurrentUrl()).doesNotContain("error");
  }

  /** Clicks something that loads a new page, and waits until the old page is gone. */
  private void clickAndWaitForPage(org.openqa.selenium.WebElement element) {
    org.openqa.selenium.WebElement html = driver.findElement(By.tagName("html"));
    element.click();
    // the old page's root is gone once the new page loaded; Chromium reports it either as a stale
    // element or as a node that "does not belong to the document"
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
        .until(
            d -> {
              try {
                html.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
              }
            });
  }

  private void open(String path) {
    driver.get("http://localhost:" + port + path);
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The whole page: the window grows to the document's height for the shot, then shrinks back. */
  private void screenshot(String name) {
    org.openqa.selenium.Dimension size = driver.manage().window().getSize();
    long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(height + 150, 6000)));
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      driver.manage().window().setSize(size);
    }
  }
}
