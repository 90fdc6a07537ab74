package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
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

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String KEY = "admin-editor-routing";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  WebDriver driver;
  Path profile;

  @BeforeAll
  void startBrowser() throws IOException {
    AdminFixtures.ensureSecondAdministrator(jdbc, encoder);
    engine.getRepositoryService()
        .createDeployment()
        .name("admin browser test")
        .addInputStream(KEY + ".bpmn", new ByteArrayInputStream(DeploymentRulesTest.resource("editor-routing.bpmn")))
        .deploy();
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
        "--window-size=1400,1000",
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
      AdminFixtures.removeTestProcesses(engine.getRepositoryService());
      if (profile != null) {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  void anAdministratorReRoutesATaskASecondOneApprovesAndNewCasesGoToTheNewGroup() {
    ProcessDefinition v1 = latest();

    logIn("admin");
    clickAndWaitForPage(driver.findElement(By.id("nav-admin")));
    assertThat(driver.findElement(By.id("processes")).getText()).contains(KEY).contains("complaint-handling");
    screenshot("admin-list");

    open("/admin/versions/" + v1.getId());
    waitFor(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
    clickAndWaitForPage(driver.findElement(By.id("edit")));
    waitFor(d -> "true".equals(d.findElement(By.id("editor")).getAttribute("data-ready")));

    // select the user task on the canvas; the properties panel shows its Camunda attributes
    driver.findElement(By.cssSelector("#canvas g.djs-element[data-element-id='UserTask_Assess']")).click();
    waitFor(d -> !d.findElements(By.cssSelector("[data-group-id='group-CamundaPlatform__UserAssignment']")).isEmpty());
    WebElement groups = driver.findElement(By.id("bio-properties-panel-candidateGroups"));
    if (!groups.isDisplayed()) {
      // opens the "User assignment" group
      driver.findElement(By.cssSelector("[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header-title")).click();
      waitFor(d -> d.findElement(By.id("bio-properties-panel-candidateGroups")).isDisplayed());
    }
    assertThat(groups.getAttribute("value")).isEqualTo("investigators");

    // a group that is no Probity role breaks a rule: named by element id and marked on the canvas
    groups.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    groups.sendKeys("nobody-at-all");
    groups.sendKeys(Keys.TAB);
    waitFor(d -> "nobody-at-all".equals(js("return window.probityModeler.get('elementRegistry').get('UserTask_Assess').businessObject.get('camunda:candidateGroups')")));
    driver.findElement(By.id("validate")).click();
    WebElement violation = waitFor(d -> d.findElement(By.cssSelector("#violations li[data-element='UserTask_Assess']")));
    assertThat(violation.getText()).contains("user-task-routing");
    assertThat(driver.findElements(By.cssSelector("#canvas g.probity-violation[data-element-id='UserTask_Assess']"))).hasSize(1);

    groups = driver.findElement(By.id("bio-properties-panel-candidateGroups"));
    groups.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    groups.sendKeys("vetting-officers");
    groups.sendKeys(Keys.TAB);
    // the panel writes the typed value into the model (after its debounce)
    waitFor(d -> "vetting-officers".equals(js("return window.probityModeler.get('elementRegistry').get('UserTask_Assess').businessObject.get('camunda:candidateGroups')")));

    driver.findElement(By.id("validate")).click();
    waitFor(d -> d.findElement(By.id("editor-status")).getText().equals("The process passes every rule."));
    assertThat(driver.findElements(By.cssSelector("#violations li"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#canvas g.probity-violation"))).isEmpty();

    // without a change note nothing is saved
    driver.findElement(By.id("save-draft")).click();
    assertThat(driver.findElement(By.id("editor-status")).getText()).contains("change note");
    assertThat(driver.getCurrentUrl()).contains("/edit");

    driver.findElement(By.id("change-note")).sendKeys("Assessment moves to the vetting officers");
    screenshot("admin-editor");
    clickAndWaitForPage(driver.findElement(By.id("save-draft")));
    assertThat(driver.getCurrentUrl()).contains("/admin/drafts/");
    String draftUrl = driver.getCurrentUrl();
    assertThat(driver.findElement(By.id("draft-status")).getText()).isEqualTo("Waiting for approval");

    logIn("admin2");
    open("/admin/drafts");
    clickAndWaitForPage(driver.findElement(By.cssSelector("#drafts a[href='" + draftUrl.substring(draftUrl.indexOf("/admin/")) + "']")));
    assertThat(driver.findElement(By.id("draft-note")).getText()).isEqualTo("Assessment moves to the vetting officers");
    String changed = driver.findElement(By.id("diff-changed")).getText();
    assertThat(changed).contains("UserTask_Assess").contains("camunda:candidateGroups").contains("investigators").contains("vetting-officers");
    waitFor(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
    screenshot("admin-draft-diff");
    clickAndWaitForPage(driver.findElement(By.id("approve")));
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
    open("/admin/instances/" + instance.getId());
    WebElement diagram = waitFor(d -> d.findElement(By.cssSelector(".path-diagram[data-ready='true']")));
    assertThat(diagram.findElements(By.cssSelector("g.probity-current[data-element-id='UserTask_Assess']"))).hasSize(1);
    assertThat(diagram.findElements(By.cssSelector("g.probity-done[data-element-id='StartEvent_Received']"))).hasSize(1);
    assertThat(diagram.findElements(By.cssSelector("g.probity-taken[data-element-id='Flow_ReceivedToAssess']"))).hasSize(1);
    assertThat(diagram.findElements(By.cssSelector("g.probity-taken[data-element-id='Flow_AssessToDone']"))).isEmpty();
    screenshot("admin-path");

    // the same path from the case page, for someone entitled to the case: the new group's member
    logIn("vetting");
    open("/cases/AER-1");
    clickAndWaitForPage(driver.findElement(By.id("path-link")));
    WebElement casePath = waitFor(d -> d.findElement(By.cssSelector(".path-diagram[data-ready='true']")));
    assertThat(casePath.findElements(By.cssSelector("g.probity-current[data-element-id='UserTask_Assess']"))).hasSize(1);
    assertThat(casePath.findElements(By.cssSelector("g.probity-taken[data-element-id='Flow_ReceivedToAssess']"))).hasSize(1);
    screenshot("case-path");
  }

  private ProcessDefinition latest() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }

  private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
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
  private void clickAndWaitForPage(WebElement element) {
    WebElement html = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d -> {
              try {
                html.isEnabled();
                return false;
              } catch (WebDriverException gone) {
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
