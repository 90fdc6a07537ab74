package org.probity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its packaged chromedriver, for the browser tests: a
 * fresh profile per browser, the demo login, page loads waited for, full-page screenshots under
 * {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final int port;
  private final Path profile;
  private final WebDriver driver;

  private Browser(int port, int width) throws IOException {
    this.port = port;
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
        "--window-size=" + width + ",1000",
        "--lang=en",
        "--user-data-dir=" + profile.toAbsolutePath());
    driver = new ChromeDriver(ChromeDriverService.createDefaultService(), options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  /** A browser for the application on {@code port}, its window {@code width} pixels wide. */
  public static Browser start(int port, int width) throws IOException {
    return new Browser(port, width);
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get("http://localhost:" + port + path);
  }

  /** Logs in with the demo password (cookies of an earlier user are dropped first). */
  public void logIn(String user) {
    driver.manage().deleteAllCookies();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    clickAndWaitForPage(driver.findElement(By.cssSelector("form button[type=submit]")));
    assertThat(driver.getCurrentUrl()).doesNotContain("error");
  }

  /** Clicks something that loads a new page, and waits until the old page is gone. */
  public void clickAndWaitForPage(WebElement element) {
    WebElement html = driver.findElement(By.tagName("html"));
    element.click();
    // the old page's root is gone once the new page loaded; Chromium reports it either as a stale
    // element or as a node that "does not belong to the document"
    new WebDriverWait(driver, WAIT)
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

  public <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class).until(condition);
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The whole page: the window grows to the document's height for the shot, then shrinks back. */
  public void screenshot(String name) {
    Dimension size = driver.manage().window().getSize();
    long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
    driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 150, 6000)));
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
