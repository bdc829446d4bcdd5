package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The deployment chapter's steps in the web UI, in a real headless Chromium: log in, Deploy > Environments, edit the
 * deployment credentials' schema to production, Deploy > Jobs, rename the job to "Production Job", Run now, and watch
 * the three steps go green with their logs. Screenshots of each page go to target/screenshots/.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    @TempDir
    Path profile;

    @Test
    void walksTheDeploymentChapterInTheBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser test needs Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        }
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try (ServerFixture f = new ServerFixture(dir)) {
            ChromeDriver browser = new ChromeDriver(service, options);
            // pages load after each click; on a busy machine that can take a while, so lookups wait for them
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(f.url() + "/deploy/environments");
                assertThat(browser.getCurrentUrl()).endsWith("/login");
                browser.findElement(By.id("user")).sendKeys("admin");
                browser.findElement(By.id("password")).sendKeys("wrong");
                browser.findElement(By.id("login")).click();
                assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong user or password");
                browser.findElement(By.id("user")).clear();
                browser.findElement(By.id("user")).sendKeys("admin");
                browser.findElement(By.id("password")).sendKeys(ServerFixture.ADMIN_PASSWORD);
                browser.findElement(By.id("login")).click();
                shot(browser, "01-jobs-after-login");

                // Deploy > Environments > Deployment > Edit > schema production > Save
                browser.findElement(By.id("nav-environments")).click();
                assertThat(browser.findElement(By.id("environments")).getText()).contains("Development", "Deployment");
                shot(browser, "02-environments");
                browser.findElement(By.linkText("Deployment")).click();
                assertThat(browser.getPageSource()).doesNotContain(ServerFixture.PASSWORD)
                        .doesNotContain(ServerFixture.SECRET);
                assertThat(browser.findElement(By.id("variables")).getText()).contains("DBT_ENV_SECRET_API_KEY")
                        .contains("*****");
                shot(browser, "03-environment-settings");
                browser.findElement(By.id("edit")).click();
                assertThat(browser.getPageSource()).doesNotContain(ServerFixture.PASSWORD)
                        .doesNotContain(ServerFixture.SECRET);
                WebElement schema = browser.findElement(By.id("schema"));
                assertThat(schema.getAttribute("value")).isEqualTo("dev");
                schema.clear();
                schema.sendKeys("production");
                shot(browser, "04-environment-edit");
                browser.findElement(By.id("save")).click();
                assertThat(browser.findElement(By.id("schema-value")).getText()).isEqualTo("production");
                assertThat(f.deploy.environments().get(f.production.id()).schema()).isEqualTo("production");
                assertThat(f.deploy.environments().get(f.production.id()).password()).isEqualTo(ServerFixture.PASSWORD);
                assertThat(f.deploy.environments().get(f.production.id()).variables())
                        .containsEntry("DBT_ENV_SECRET_API_KEY", ServerFixture.SECRET);
                shot(browser, "05-environment-saved");

                // Deploy > Jobs > the job > Settings > Edit > name "Production Job" > Save
                browser.findElement(By.id("nav-jobs")).click();
                browser.findElement(By.linkText("Partner Connect Trial Job")).click();
                browser.findElement(By.id("settings")).click();
                assertThat(browser.findElement(By.id("commands")).getText())
                        .contains("sluice seed", "sluice run", "sluice test");
                shot(browser, "06-job-settings");
                browser.findElement(By.id("edit")).click();
                WebElement name = browser.findElement(By.id("name"));
                name.clear();
                name.sendKeys("Production Job");
                // the walk-through keeps the execution settings, which generate docs on every run
                WebElement docs = browser.findElement(By.id("generate_docs"));
                if (!docs.isSelected()) {
                    docs.click();
                }
                shot(browser, "07-job-edit");
                browser.findElement(By.id("save")).click();
                assertThat(browser.findElement(By.id("job-name")).getText()).isEqualTo("Production Job");

                // back to the job's run history through the path at the top, then Run now
                browser.findElement(By.cssSelector(".crumbs")).findElement(By.linkText("Production Job")).click();
                assertThat(browser.findElement(By.id("no-runs")).getText()).contains("No runs yet");
                shot(browser, "08-job-history");
                browser.findElement(By.id("run-now")).click();
                // while the run is active the page replaces run-body every second: an element found just before
                // a refresh is stale by the time its attribute is read, so look again
                wait.withTimeout(Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                        .until(d -> "success".equals(d.findElement(By.id("run-body")).getAttribute("data-status")));
                List<WebElement> steps = browser.findElements(By.cssSelector("#steps li.step[data-status]"));
                assertThat(steps).hasSize(4);
                assertThat(steps).allSatisfy(s -> assertThat(s.getAttribute("data-status")).isEqualTo("success"));
                assertThat(steps.get(0).getText()).contains("sluice seed");
                assertThat(steps.get(1).getText()).contains("sluice run");
                assertThat(steps.get(2).getText()).contains("sluice test");
                assertThat(steps.get(3).getText()).contains("docs generate");
                for (WebElement s : steps) {
                    s.findElement(By.tagName("summary")).click();
                    assertThat(s.findElement(By.cssSelector("pre.log")).getDomProperty("textContent")).isNotBlank();
                }
                assertThat(steps.get(1).findElement(By.cssSelector("pre.log")).getDomProperty("textContent"))
                        .contains("api key is *****");
                assertThat(browser.getPageSource()).doesNotContain(ServerFixture.SECRET)
                        .doesNotContain(ServerFixture.PASSWORD);
                assertThat(browser.findElement(By.id("artifacts")).getText()).contains("run_results.json");
                shot(browser, "09-run-success");

                browser.findElement(By.id("nav-runs")).click();
                assertThat(browser.findElement(By.id("runs")).getText()).contains("Production Job", "success");
                shot(browser, "10-run-history");
                // the docs of the latest successful production run: open a model and follow its lineage to the seed
                browser.findElement(By.id("nav-docs")).click();
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                        !d.findElements(By.id("search")).isEmpty());
                browser.get(f.url() + "/docs/docs/model.tiny.driver_count.html");
                WebElement seedNode = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                        .until(d -> d.findElement(By.cssSelector(
                                ".lineage-panel[data-ready='true'] a.node[data-id='seed.tiny.drivers'] rect")));
                assertThat(browser.findElement(By.tagName("h1")).getCssValue("font-size"))
                        .as("the docs site's style sheet is served as CSS").isNotEqualTo("32px");
                shot(browser, "11-docs-model-lineage");
                new org.openqa.selenium.interactions.Actions(browser).moveToElement(seedNode).click().perform();
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                        d.findElement(By.tagName("h1")).getText().contains("drivers"));
                shot(browser, "12-docs-seed");
            } finally {
                browser.quit();
                service.stop();
            }
        }
    }

    private static void shot(ChromeDriver browser, String name) throws Exception {
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
