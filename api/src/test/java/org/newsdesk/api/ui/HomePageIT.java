package org.newsdesk.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The reader's home page in a real browser (Debian's Chromium), against the packaged server. */
@QuarkusIntegrationTest
class HomePageIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private WebDriver browser;

  @BeforeEach
  void openBrowser() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "install chromium and chromium-driver to run the browser tests");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory("newsdesk-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theHomePageListsTheLatestArticlesWithTheirSources() {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    browser.get("http://localhost:" + port + "/");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> "loaded".equals(b.findElement(By.tagName("body")).getAttribute("data-state")));
    List<WebElement> articles = browser.findElements(By.cssSelector("[data-test=article]"));
    assertThat(articles).hasSize(30);
    List<String> titles =
        browser.findElements(By.cssSelector("[data-test=article-title]")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(titles).allMatch(t -> !t.isBlank());
    assertThat(
            browser.findElements(By.cssSelector("[data-test=article-source]")).stream()
                .map(WebElement::getText)
                .distinct())
        .as("articles of several sources, each named")
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(s -> !s.isBlank());
    assertThat(browser.findElement(By.cssSelector("[data-test=error]")).isDisplayed()).isFalse();
    assertThat(browser.getPageSource()).doesNotContain("â€");
  }
}
