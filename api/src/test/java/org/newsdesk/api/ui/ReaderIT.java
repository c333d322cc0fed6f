package org.newsdesk.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader in a real browser (Debian's Chromium), against the packaged server with the bundled
 * samples: the home page, an article, a source, a tag, search, and a missing article.
 */
@QuarkusIntegrationTest
class ReaderIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String SEED_TITLE =
      "Syria says it liberated Deir el-Zour city from ISIS militants";

  private static WebDriver browser;

  @BeforeAll
  static void openBrowser() throws Exception {
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
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("newsdesk-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theHomePageListsTheLatestArticlesAndPagesOnWithMore() {
    open("#/");
    assertThat(all("article")).hasSize(20);
    List<String> titles = texts("article-title");
    assertThat(titles).allMatch(t -> !t.isBlank());
    assertThat(texts("article-source").stream().distinct())
        .as("articles of several sources, each named")
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(s -> !s.isBlank());
    assertThat(texts("sidebar-source")).contains("Global News Network 9");
    assertThat(one("error").isDisplayed()).isFalse();

    one("more").click();
    waitUntil(b -> all("article").size() == 40);
    one("more").click();
    waitUntil(b -> all("article").size() == 50);
    assertThat(one("more").isDisplayed()).as("no more after the last page").isFalse();
    assertThat(texts("article-title")).doesNotHaveDuplicates().contains(SEED_TITLE);
    assertThat(browser.getPageSource()).doesNotContain("â€");
  }

  @Test
  void anArticleShowsItsTextCaptionCreditAndRelatedCoverage() {
    open("#/source/gnn9.com");
    assertThat(one("page-title").getText()).isEqualTo("Global News Network 9");
    assertThat(texts("article-title")).hasSize(4).contains(SEED_TITLE);

    browser.findElements(By.cssSelector("[data-test=article-title]")).stream()
        .filter(a -> a.getText().equals(SEED_TITLE))
        .findFirst()
        .orElseThrow()
        .click();
    waitUntil(b -> SEED_TITLE.equals(one("page-title").getText()) && loaded());
    assertThat(one("article-content").getText())
        .contains("the Islamic State group — a largely symbolic victory")
        .doesNotContain("â€");
    assertThat(one("article-content").findElements(By.tagName("p"))).hasSizeGreaterThan(5);
    assertThat(one("article-caption").getText()).startsWith("Syrian troops and pro-government");
    assertThat(one("article-credit").getText()).isEqualTo("Credit: AP");
    assertThat(one("article-date").getAttribute("datetime")).isEqualTo("2017-11-03T10:08:00Z");
    assertThat(one("related").findElement(By.tagName("h2")).getText())
        .isEqualTo("Related coverage");
    assertThat(browser.getTitle()).isEqualTo(SEED_TITLE + " — Newsdesk");
  }

  @Test
  void searchHighlightsTheMatches() {
    open("#/");
    WebElement input = one("search-input");
    input.sendKeys("\"Deir el-Zour\"");
    one("search-submit").click();
    waitUntil(b -> one("page-title").getText().equals("Search: \"Deir el-Zour\"") && loaded());
    assertThat(texts("article-title")).contains(SEED_TITLE);
    List<WebElement> marks =
        browser.findElements(By.cssSelector("[data-test=article-highlight] mark"));
    assertThat(marks).isNotEmpty();
    assertThat(marks.get(0).getText()).containsIgnoringCase("Deir");
  }

  @Test
  void aTagListsItsArticles() {
    open("#/tag/Soccer");
    assertThat(one("page-title").getText()).isEqualTo("Tag: Soccer");
    assertThat(all("article")).isNotEmpty();
  }

  @Test
  void aMissingArticleSaysSoAndOffersNoStaleContent() {
    open("#/article/999999999");
    waitUntil(b -> "error".equals(state()));
    assertThat(one("error-message").getText()).isEqualTo("There is no article 999999999.");
    assertThat(one("view").getText()).isEmpty();
  }

  private static void open(String fragment) {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    browser.get("http://localhost:" + port + "/" + fragment);
    browser.navigate().refresh();
    waitUntil(b -> loaded() || "error".equals(state()));
  }

  private static boolean loaded() {
    return "loaded".equals(state());
  }

  private static String state() {
    return browser.findElement(By.tagName("body")).getAttribute("data-state");
  }

  private static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
  }

  private static WebElement one(String test) {
    return browser.findElement(By.cssSelector("[data-test=\"" + test + "\"]"));
  }

  private static List<WebElement> all(String test) {
    return browser.findElements(By.cssSelector("[data-test=\"" + test + "\"]"));
  }

  private static List<String> texts(String test) {
    return all(test).stream().map(WebElement::getText).toList();
  }
}
