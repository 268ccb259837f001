package ai.aimass.console.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both paths are
 * given, so Selenium downloads nothing. Screenshots go to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;

    private final String baseUrl;

    private final Path profile;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("aimass-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + this.profile, "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
        this.driver = new ChromeDriver(service, options);
    }

    ChromeDriver driver() {
        return this.driver;
    }

    void open(String path) {
        this.driver.get(this.baseUrl + path);
    }

    String path() {
        String url = this.driver.getCurrentUrl();
        return url.startsWith(this.baseUrl) ? url.substring(this.baseUrl.length()) : url;
    }

    WebElement find(String css) {
        return this.driver.findElement(By.cssSelector(css));
    }

    java.util.List<WebElement> findAll(String css) {
        return this.driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /**
     * Clicks a link or a submit button that loads a new page, and returns once that page
     * has loaded. A plain click may return while the old page is still shown, so that the
     * next lookup would look at the old page: waiting for the old document to go stale
     * rules that out.
     */
    void follow(String css) {
        WebElement oldPage = this.driver.findElement(By.tagName("html"));
        find(css).click();
        await(ExpectedConditions.stalenessOf(oldPage));
        await((driver) -> "complete".equals(driver instanceof JavascriptExecutor script
                ? script.executeScript("return document.readyState") : null));
    }

    /**
     * Waits until the condition holds, for at most the given time.
     * <p>
     * In the middle of a navigation Chromium may answer a question about the old document
     * with an inspector error ("Node with given id does not belong to the document")
     * rather than call it stale or missing, so such errors mean "ask again"; the last one
     * is reported if the time runs out.
     */
    <T> T await(Duration limit, ExpectedCondition<T> condition) {
        WebDriverWait wait = new WebDriverWait(this.driver, limit);
        wait.ignoring(WebDriverException.class);
        return wait.until(condition);
    }

    <T> T await(ExpectedCondition<T> condition) {
        return await(PAGE_WAIT, condition);
    }

    /** Logs in on the login page and waits for the page after it. */
    void logIn(String username, String password) {
        type("#username", username);
        type("#password", password);
        follow("button[type=submit]");
        await((driver) -> !path().startsWith("/login"));
    }

    /** Emulates a phone's screen, 390 CSS pixels wide. */
    void usePhoneWidth() {
        this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    void useDesktopWidth() {
        this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Saves a screenshot of the whole page, beyond the window, under the given name. */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> metrics = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
            long width = ((Number) viewport.get("clientWidth")).longValue();
            long height = Math.min(8000, Math.max(((Number) content.get("height")).longValue(),
                    ((Number) viewport.get("clientHeight")).longValue()));
            Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip",
                            Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            byte[] png = OutputType.BYTES.convertFromBase64Png((String) shot.get("data"));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, png);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        this.driver.quit();
        try (var files = Files.walk(this.profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
        }
        catch (IOException ex) {
            // A temporary profile; the system cleans it up otherwise.
        }
    }

}
