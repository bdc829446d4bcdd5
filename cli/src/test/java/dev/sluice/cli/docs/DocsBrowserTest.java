package dev.sluice.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.ApiFactory;
import dev.sluice.cli.Cli;
import dev.sluice.cli.CliContext;
import dev.sluice.cli.Terminal;
import dev.sluice.core.api.Sluice;
import dev.sluice.core.project.EnvVars;
import dev.sluice.testkit.TestProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The docs site in a real headless Chromium: {@code sluice docs generate} then {@code sluice docs serve} through the
 * CLI, then a reader's path: search for a column, open the model, follow its lineage to the source, filter the
 * lineage graph with the CLI's selection syntax; and the same site opened from disk. Screenshots go to
 * {@code cli/target/docs-screenshots/}.
 *
 * <p>Needs Chromium and its driver from the system's packages: {@code apt-get install -y chromium chromium-driver}
 * (as root; {@code .ci/run} installs them). Without them the test fails and says so.
 */
class DocsBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "docs-screenshots");

    @TempDir
    static Path dir;
    @TempDir
    static Path browserProfile;
    static Thread server;
    static AtomicInteger serveExit = new AtomicInteger(-1);
    static int port;
    static ChromeDriver browser;
    static WebDriverWait wait;

    private static int sluice(String... args) {
        Map<String, String> env = Map.of("HOME", dir.toString());
        ApiFactory engine = sink -> new Sluice(sink, new EnvVars(env), ApiFactory::adapters);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Cli(new CliContext(engine, env, dir, quiet, quiet, Terminal.NONE, ZoneOffset.UTC)).execute(args);
    }

    @BeforeAll
    static void serveAndOpenBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium is needed for this test: install it with `apt-get install -y chromium chromium-driver`"
                        + " (as root; .ci/run does this before the tests)").isTrue();
        TestProject.fromClasspath("projects/docs_shop", dir);
        assertThat(sluice("seed")).isZero();
        assertThat(sluice("run")).isZero();
        assertThat(sluice("docs", "generate")).isZero();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = new Thread(() -> serveExit.set(sluice("docs", "serve", "--port", String.valueOf(port))), "docs-serve");
        server.start();
        waitForServer();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + browserProfile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    private static void waitForServer() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL()
                        .openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(server.isAlive()).as("docs serve exited with " + serveExit.get()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("docs serve did not answer on port " + port);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.interrupt();
            server.join(10_000);
            assertThat(server.isAlive()).isFalse();
            assertThat(serveExit.get()).isZero();
        }
    }

    private static void shot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name), png);
        assertThat(png.length).isGreaterThan(5_000);
    }

    private static WebElement lineageNode(String panelCss, String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                panelCss + "[data-ready='true'] a.node[data-id='" + id + "'] rect")));
    }

    private static void click(WebElement element) {
        // SVG shapes: a real mouse click at the element's centre, as a reader would
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(element).click().perform();
    }

    @Test
    void searchAColumnOpenTheModelAndFollowItsLineageToTheSource() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#overview h1"), "Docs shop"));
        assertThat(browser.findElements(By.cssSelector("#tree details")).size()).isGreaterThan(3);

        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("lifetime_value");
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#search-results a.result")));
        assertThat(first.getText()).contains("customers").contains("column lifetime_value");
        shot("01-search-column.png");

        first.click();
        wait.until(ExpectedConditions.urlContains("model.docs_shop.customers.html#column=lifetime_value"));
        WebElement row = browser.findElement(By.cssSelector("tr.hit"));
        assertThat(row.getDomAttribute("data-column")).isEqualTo("lifetime_value");
        assertThat(row.getText()).contains("DECIMAL(38,2)").contains("Everything the customer paid, in dollars.");
        assertThat(browser.findElement(By.id("description")).getText()).contains("what they ordered");
        lineageNode(".lineage-panel[data-layout='elk']", "model.docs_shop.orders");
        assertThat(browser.findElement(By.cssSelector(".lineage-panel a.node.focus")).getDomAttribute("data-id"))
                .isEqualTo("model.docs_shop.customers");
        assertNoSideways();
        shot("02-model-customers.png");

        // follow the lineage upstream: customers -> stg_payments -> the Stripe source
        click(lineageNode(".lineage-panel", "model.docs_shop.stg_payments"));
        wait.until(ExpectedConditions.urlContains("model.docs_shop.stg_payments.html"));
        click(lineageNode(".lineage-panel[data-layout='elk']", "source.docs_shop.stripe.payments"));
        wait.until(ExpectedConditions.urlContains("source.docs_shop.stripe.payments.html"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("stripe.payments");
        assertThat(browser.findElement(By.id("columns")).getText()).contains("amount_cents").contains("BIGINT")
                .contains("Amount in cents");
        lineageNode(".lineage-panel", "model.docs_shop.stg_payments");
        shot("03-source-stripe-payments.png");
    }

    @Test
    void lineageFilterUsesTheCliSelectionSyntax() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/docs/lineage.html");
        lineageNode("#lineage-main", "model.docs_shop.customers");
        int whole = browser.findElements(By.cssSelector("#lineage-main a.node")).size();
        WebElement select = browser.findElement(By.id("select"));
        select.sendKeys("+stg_payments+1");
        browser.findElement(By.cssSelector("#lineage-filter button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lineage-status"), "nodes selected"));
        wait.until(d -> d.findElements(By.cssSelector("#lineage-main a.node")).size() == 3);
        List<String> ids = browser.findElements(By.cssSelector("#lineage-main a.node")).stream()
                .map(e -> e.getDomAttribute("data-id")).sorted().toList();
        assertThat(ids).containsExactly("model.docs_shop.orders", "model.docs_shop.stg_payments",
                "source.docs_shop.stripe.payments");
        assertThat(browser.findElement(By.id("lineage-main")).getDomAttribute("data-layout")).isEqualTo("elk");
        assertThat(whole).isGreaterThan(ids.size());
        shot("04-lineage-filtered.png");

        // zoom with the wheel: the viewBox narrows
        WebElement svg = browser.findElement(By.cssSelector("#lineage-main svg"));
        String before = svg.getDomAttribute("viewBox");
        assertThat(before).isNotBlank();
        ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new WheelEvent('wheel', "
                + "{deltaY: -300, clientX: 500, clientY: 400, bubbles: true, cancelable: true}))", svg);
        assertThat(svg.getDomAttribute("viewBox")).isNotEqualTo(before);

        select.clear();
        select.sendKeys("tag:no_such_tag_anywhere");
        browser.findElement(By.cssSelector("#lineage-filter button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lineage-status"), "0 nodes selected"));
    }

    @Test
    void theSiteWorksOpenedFromDisk() throws IOException {
        Path page = dir.resolve("target/docs/model.docs_shop.customers.html");
        browser.get(page.toUri().toString());
        lineageNode(".lineage-panel[data-layout='browser']", "source.docs_shop.stripe.payments");
        assertThat(browser.findElements(By.cssSelector(".lineage-panel a.node")).size()).isEqualTo(9);
        shot("05-file-model-customers.png");
        browser.get(dir.resolve("target/docs/lineage.html").toUri() + "#select=" + "%2Bstg_payments");
        lineageNode("#lineage-main[data-layout='browser']", "source.docs_shop.stripe.payments");
        assertThat(browser.findElements(By.cssSelector("#lineage-main a.node")).size()).isEqualTo(2);
        shot("06-file-lineage-filtered.png");
    }

    private static void assertNoSideways() {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("page wider than the window").isLessThanOrEqualTo(0);
    }
}
