package ai.aimass.console.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.aimass.console.web.FixedDecimals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser against the real platform: what a data scientist does,
 * from an empty tenant to a prediction, and what must not go wrong on the way.
 */
class ConsoleBrowserTests {

    private static final Path DATA = Path.of("..", "standalone", "src", "main", "resources", "data",
            "breast-cancer-wisconsin-diagnostic.csv");

    /** A job ends by itself; this only keeps a broken build from waiting for ever. */
    private static final Duration JOB_LIMIT = Duration.ofMinutes(5);

    private static RunningPlatform platform;

    private static PlatformApi api;

    private Browser browser;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        api = new PlatformApi(platform.apiUrl());
    }

    @BeforeEach
    void openBrowser() {
        this.browser = new Browser(platform.consoleUrl());
    }

    @AfterEach
    void closeBrowser() {
        this.browser.close();
    }

    @Test
    void aDataScientistGoesFromNothingToAPrediction() throws IOException {
        PlatformApi.Tenant tenant = api.createTenant();
        this.browser.open("/");
        assertThat(this.browser.path()).startsWith("/login");
        this.browser.screenshot("01-login");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        assertThat(this.browser.text(".steps li:first-child p")).contains("No datasets yet");
        this.browser.screenshot("02-start-empty");

        this.browser.follow("a[href='/datasets']");
        assertThat(this.browser.text(".empty")).contains("No datasets yet");
        this.browser.screenshot("03-datasets-empty");
        List<Path> hospitals = splitIntoHospitals();
        for (int i = 0; i < hospitals.size(); i++) {
            uploadDataset(hospitals.get(i), "hospital-" + (char) ('a' + i), i == 0);
        }
        assertThat(this.browser.text("#label-column")).isEqualTo("diagnosis");
        assertThat(this.browser.findAll("#class-balance tbody tr")).hasSize(2);
        assertThat(this.browser.findAll("#columns tbody tr")).hasSize(30);
        this.browser.screenshot("05-dataset");
        this.browser.open("/datasets");
        assertThat(this.browser.findAll("#datasets tbody tr")).hasSize(3);
        this.browser.screenshot("06-datasets");

        this.browser.open("/jobs/new");
        for (WebElement checkbox : this.browser.findAll("input[name=datasetIds]")) {
            checkbox.click();
        }
        this.browser.type("#rounds", "3");
        this.browser.type("#layers", "16");
        this.browser.type("#modelName", "breast-cancer");
        this.browser.type("#alias", "");
        this.browser.screenshot("07-federated-form");
        this.browser.follow("#submit-job");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("job-status")));
        markPageAsNotReloaded();
        // Three small rounds may be over by the time the page has loaded; when they are
        // not, the
        // rest arrives by server-sent events, without a reload.
        assertThat(this.browser.text("#job-status")).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        this.browser.screenshot("08-job-started");
        this.browser.await(JOB_LIMIT, ExpectedConditions.textToBe(By.id("job-status"), "SUCCEEDED"));
        assertThat(pageWasNotReloaded()).as("the page followed the job without a reload").isTrue();
        assertThat(this.browser.text("#job-progress-text")).isEqualTo("Round 3 of 3");
        assertThat(this.browser.findAll("#rounds tbody tr")).hasSize(3);
        assertThat(this.browser.text("#job-model-link")).isEqualTo("breast-cancer version 1");
        assertThat(this.browser.find("#job-error").isDisplayed()).isFalse();
        this.browser.screenshot("09-job-succeeded");
        this.browser.usePhoneWidth();
        this.browser.open(this.browser.path());
        this.browser.screenshot("09-job-succeeded-390px");
        this.browser.useDesktopWidth();

        this.browser.open("/jobs");
        assertThat(this.browser.text("#jobs tbody tr .badge")).isEqualTo("SUCCEEDED");
        this.browser.screenshot("10-jobs");
        this.browser.open("/models/breast-cancer");
        assertThat(this.browser.text("main")).contains("none yet");
        this.browser.screenshot("11-model");
        // An alias that platform-api would refuse is refused before the confirmation.
        this.browser.type("#alias", "Production!");
        this.browser.follow("#move-alias");
        assertThat(this.browser.text("#alias-error")).isEqualTo("alias: expected lowercase letters, digits and "
                + "dashes (1 to 100) with at least one letter, found \"Production!\"");
        assertThat(this.browser.find("#alias").getAttribute("value")).isEqualTo("Production!");
        assertThat(this.browser.findAll("#alias-question")).isEmpty();
        this.browser.type("#alias", "production");
        this.browser.follow("#move-alias");
        assertThat(this.browser.text("#alias-question"))
            .isEqualTo("Point the new alias production of breast-cancer at version 1?");
        this.browser.screenshot("12-alias-confirm");
        this.browser.follow("#confirm-alias");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(this.browser.text(".notice")).isEqualTo("Alias production now points at version 1.");
        assertThat(this.browser.text("#version-1 .version-head")).contains("production");

        this.browser.follow("#try-model");
        assertThat(this.browser.findAll("#predict-form input[name^='f.']")).hasSize(30);
        this.browser.follow("#predict");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("predicted-label")));
        assertThat(this.browser.text("#predicted-label")).isIn("benign", "malignant");
        assertThat(this.browser.text("#answered-by")).isEqualTo("Answered by version 1");
        assertThat(this.browser.findAll("#probabilities tbody tr")).hasSize(2);
        this.browser.screenshot("13-try-model");
        this.browser.usePhoneWidth();
        this.browser.screenshot("13-try-model-390px");
        this.browser.useDesktopWidth();

        this.browser.open("/api-keys");
        assertThat(this.browser.text("main")).contains("No keys yet");
        this.browser.type("#key-name", "ward-3-tablet");
        this.browser.follow("#create-key-button");
        String key = this.browser.find("#new-key-value").getAttribute("value");
        assertThat(key).startsWith("am_");
        assertThat(this.browser.path()).isEqualTo("/api-keys");
        this.browser.screenshot("14-key-created");
        // The secret came with a redirect: a reload neither shows it again nor makes a
        // second key.
        this.browser.driver().navigate().refresh();
        assertThat(this.browser.findAll("#new-key")).isEmpty();
        assertThat(this.browser.findAll("#keys tbody tr")).hasSize(1);
        assertThat(this.browser.text("#keys tbody tr")).contains("ward-3-tablet").contains("active");
        this.browser.follow("#keys tbody tr a.danger");
        this.browser.screenshot("15-key-revoke-confirm");
        this.browser.follow("#confirm-revoke");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(this.browser.text("#keys tbody tr")).contains("revoked");
        this.browser.screenshot("16-keys-revoked");
        compareWithASecondVersion(tenant);
        this.browser.open("/");
        this.browser.screenshot("17-start-done");
        this.browser.follow(".account button");
        this.browser.await((driver) -> this.browser.path().startsWith("/login"));
        assertThat(this.browser.text(".notice")).isEqualTo("You are logged out.");
    }

    @Test
    void aFileWithErrorsIsRefusedNamingRowAndColumn() throws IOException {
        PlatformApi.Tenant tenant = api.createTenant();
        List<String> lines = Files.readAllLines(DATA);
        List<String> broken = new ArrayList<>(lines.subList(0, 12));
        String fourth = broken.get(3);
        broken.set(3, "n/a" + fourth.substring(fourth.indexOf(',')));
        Path file = Files.createDirectories(Path.of("target", "browser-data")).resolve("broken.csv");
        Files.write(file, broken);
        this.browser.open("/datasets/new");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        assertThat(this.browser.path()).isEqualTo("/datasets/new");
        this.browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        this.browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("labelColumn"), "diagnosis"));
        this.browser.click("#upload");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("csv-problems")));
        List<WebElement> cells = this.browser.findAll("#csv-problems tbody tr td");
        assertThat(cells.get(0).getText()).isEqualTo("4");
        assertThat(cells.get(1).getText()).isEqualTo("mean_radius");
        assertThat(cells.get(2).getText()).isEqualTo("expected a number, found \"n/a\"");
        assertThat(this.browser.find("#name").getAttribute("value")).isEqualTo("broken");
        this.browser.screenshot("20-upload-errors");
        this.browser.usePhoneWidth();
        this.browser.screenshot("20-upload-errors-390px");
        this.browser.useDesktopWidth();
        this.browser.open("/datasets");
        assertThat(this.browser.findAll("#datasets")).isEmpty();
    }

    @Test
    void aFileLargerThanTheConsoleTakesIsRefusedWithTheSizes() throws IOException {
        PlatformApi.Tenant tenant = api.createTenant();
        Path file = Files.createDirectories(Path.of("target", "browser-data")).resolve("too-large.csv");
        List<String> lines = Files.readAllLines(DATA);
        String row = lines.get(1) + "\n";
        try (var out = Files.newBufferedWriter(file)) {
            out.write(lines.get(0) + "\n");
            // Past the console's 60 MB (binary megabytes, as Spring reads "60MB").
            for (long written = 0; written < 64L * 1024 * 1024; written += row.length()) {
                out.write(row);
            }
        }
        this.browser.open("/datasets/new");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        this.browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        this.browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("labelColumn"), "diagnosis"));
        this.browser.click("#upload");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("csv-problems")));
        assertThat(this.browser.text("#csv-problems tbody tr td:last-child"))
            .matches("expected a file of at most 60\\.0 MB, found an upload of 64\\.\\d MB; platform-api's own limit "
                    + "may be lower");
        assertThat(this.browser.findAll("#request-error")).allMatch((toast) -> !toast.isDisplayed());
        this.browser.screenshot("21-upload-too-large");
        Files.delete(file);
        this.browser.open("/datasets");
        assertThat(this.browser.findAll("#datasets")).isEmpty();
    }

    @Test
    void aJobThatFailsSaysWhy() {
        PlatformApi.Tenant tenant = api.createTenant();
        String dataset = api.uploadDataset(tenant.token(), "hospital-a", "diagnosis", readData(0, 200))
            .get("id")
            .asString();
        // An update norm no real update stays under: the first round is refused.
        JsonNode job = api.send("POST", "/api/v1/jobs", tenant.token(), """
                {"kind":"federated","model":{"layers":[{"units":8}]},
                 "federation":{"participants":[{"name":"hospital-a","datasetId":"%s"}],"rounds":2,
                               "maxUpdateNorm":0.001},
                 "publish":{"modelName":"doomed"}}""".formatted(dataset));
        this.browser.open("/jobs/" + job.get("id").asString());
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        this.browser.await(JOB_LIMIT, ExpectedConditions.textToBe(By.id("job-status"), "FAILED"));
        assertThat(this.browser.find("#job-error").isDisplayed()).isTrue();
        assertThat(this.browser.text("#job-error-text"))
            .startsWith("Round 1: the update of participant " + "\"hospital-a\" was rejected");
        assertThat(this.browser.findAll("#cancel-job")).allMatch((button) -> !button.isDisplayed());
        this.browser.screenshot("30-job-failed");
    }

    @Test
    void anotherTenantsUserSeesNoneOfItAndItsLinksAreNotFound() {
        PlatformApi.Tenant owner = api.createTenant();
        PlatformApi.Tenant other = api.createTenant();
        String dataset = api.uploadDataset(owner.token(), "hospital-a", "diagnosis", readData(0, 100))
            .get("id")
            .asString();
        String job = api.send("POST", "/api/v1/jobs", owner.token(), """
                {"kind":"federated","federation":{"participants":[{"name":"a","datasetId":"%s"}],"rounds":1},
                 "publish":{"modelName":"private-model"}}""".formatted(dataset)).get("id").asString();
        api.send("POST", "/api/v1/jobs/" + job + "/cancel", owner.token(), null);

        this.browser.open("/");
        this.browser.logIn(other.scientist(), PlatformApi.PASSWORD);
        this.browser.open("/datasets");
        assertThat(this.browser.findAll("#datasets")).isEmpty();
        assertThat(this.browser.text(".empty")).contains("No datasets yet");
        this.browser.open("/jobs");
        assertThat(this.browser.findAll("#jobs")).isEmpty();
        this.browser.open("/models");
        assertThat(this.browser.findAll("#models")).isEmpty();
        for (String path : List.of("/datasets/" + dataset, "/jobs/" + job, "/models/private-model")) {
            this.browser.open(path);
            assertThat(this.browser.text("h1")).as(path).isEqualTo("Not found");
        }
        this.browser.screenshot("40-other-tenant-not-found");
        // A malformed address is a wrong link too, not a failure to report to an
        // operator.
        for (String path : List.of("/jobs/not-a-uuid", "/models/private-model/compare")) {
            this.browser.open(path);
            assertThat(this.browser.text("h1")).as(path).isEqualTo("Not found");
        }
        this.browser.open("/jobs/" + job + "/events");
        assertThat(this.browser.driver().getPageSource()).doesNotContain("private-model");
    }

    @Test
    void aFormWithAStaleTokenIsRefusedWithAPageThatSaysWhatToDo() {
        PlatformApi.Tenant tenant = api.createTenant();
        // The login page left open past its session: its token belongs to a session that
        // is gone.
        this.browser.open("/login");
        this.browser.driver().manage().deleteAllCookies();
        this.browser.type("#username", tenant.scientist());
        this.browser.type("#password", PlatformApi.PASSWORD);
        this.browser.follow("button[type=submit]");
        assertThat(this.browser.path()).isEqualTo("/login?expired");
        assertThat(this.browser.text(".notice")).contains("Log in again");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        assertThat(this.browser.path()).isEqualTo("/");

        // A form rendered before the latest login carries the token that login replaced.
        this.browser.open("/api-keys");
        this.browser.driver()
            .executeScript("document.querySelector('#create-key input[name=_csrf]').value = arguments[0]",
                    "a-token-from-an-earlier-login");
        this.browser.type("#key-name", "ward-3-tablet");
        this.browser.follow("#create-key-button");
        assertThat(this.browser.text("h1")).isEqualTo("The form was not sent");
        assertThat(this.browser.text(".alert")).startsWith("This form was opened before your latest login")
            .contains("nothing was changed");
        this.browser.screenshot("51-stale-form");
        this.browser.open("/api-keys");
        assertThat(this.browser.text("main")).contains("No keys yet");
        assertThat(this.browser.findAll("#keys tbody tr")).isEmpty();
    }

    @Test
    void aViewerIsToldWhatTheirRoleMayNotDo() {
        PlatformApi.Tenant tenant = api.createTenant();
        String viewer = api.createViewer(tenant);
        // The page that explains a refused form is no page to come back to after logging
        // in.
        this.browser.open("/form-expired");
        this.browser.logIn(viewer, PlatformApi.PASSWORD);
        assertThat(this.browser.path()).isEqualTo("/");
        this.browser.open("/api-keys");
        assertThat(this.browser.text("h1")).isEqualTo("Not for your role");
        assertThat(this.browser.text(".alert"))
            .startsWith("Your role (Viewer) may not do this; a tenant admin or a data scientist can.");
        // Not even a confirmation page for a move the platform would refuse.
        this.browser.open("/models/any-model/aliases/move?alias=production&version=1");
        assertThat(this.browser.text("h1")).isEqualTo("Not for your role");
        assertThat(this.browser.text(".alert")).contains("found a viewer");
        assertThat(this.browser.findAll("#confirm-alias")).isEmpty();
    }

    @Test
    void anExpiredSessionReturnsToTheWantedPageAfterLogin() {
        PlatformApi.Tenant tenant = api.createTenant();
        this.browser.open("/");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        this.browser.driver().manage().deleteCookieNamed("JSESSIONID");
        this.browser.driver().manage().addCookie(new Cookie("JSESSIONID", "an-expired-session"));
        this.browser.open("/models");
        assertThat(this.browser.path()).isEqualTo("/login?expired");
        assertThat(this.browser.text(".notice")).contains("Your session has ended");
        this.browser.screenshot("50-session-expired");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        assertThat(this.browser.path()).isEqualTo("/models");
    }

    @Test
    void aParticipantWhoseNameWasEmptiedIsNamedByItsDatasetAndNothingIsSubmitted() {
        PlatformApi.Tenant tenant = api.createTenant();
        api.uploadDataset(tenant.token(), "clinic-north", "diagnosis", readData(0, 100));
        api.uploadDataset(tenant.token(), "clinic-south", "diagnosis", readData(100, 200));
        this.browser.open("/jobs/new");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        assertThat(this.browser.findAll("input.participant-name")).extracting((field) -> field.getAttribute("value"))
            .as("a new form suggests the dataset names")
            .containsExactly("clinic-north", "clinic-south");
        for (WebElement checkbox : this.browser.findAll("input[name=datasetIds]")) {
            checkbox.click();
        }
        this.browser.find("#name-1").clear();
        this.browser.type("#modelName", "two-clinics");
        this.browser.follow("#submit-job");
        assertThat(this.browser.text(".participants .field-error"))
            .isEqualTo("participants: expected a participant name for dataset clinic-south, found none");
        assertThat(this.browser.find("#name-0").getAttribute("value")).isEqualTo("clinic-north");
        assertThat(this.browser.find("#name-1").getAttribute("value")).as("the emptied name stays empty").isEmpty();
        assertThat(this.browser.findAll("input[name=datasetIds]")).allMatch(WebElement::isSelected);
        // A name of only a no-break space shows nothing either; platform-api refuses it
        // by the
        // participant's place, and the console adds which dataset that is.
        this.browser.find("#name-1").sendKeys("\u00a0");
        this.browser.follow("#submit-job");
        assertThat(this.browser.text(".participants .field-error"))
            .isEqualTo("federation.participants[1].name (dataset clinic-south): expected 1 to 100 characters, at "
                    + "least one of them visible, found 1 characters, none visible");
        assertThat(api.send("GET", "/api/v1/jobs", tenant.token(), null).get("items")).isEmpty();
        // No dataset ticked on the ensemble form across participants: said beside the
        // list, which
        // is what shows for that source.
        this.browser.open("/jobs/new-ensemble");
        this.browser.click("#source-federated");
        this.browser.type("#modelName", "two-clinics");
        this.browser.follow("#submit-ensemble");
        assertThat(this.browser.text(".participants .field-error"))
            .isEqualTo("participants: expected at least 1 dataset, found none; tick one per participant");
        assertThat(this.browser.find(".participants").isDisplayed()).isTrue();
    }

    @Test
    void theEnsembleFormShowsTheApisRefusalBesideTheField() {
        PlatformApi.Tenant tenant = api.createTenant();
        api.uploadDataset(tenant.token(), "hospital-a", "diagnosis", readData(0, 100));
        this.browser.open("/jobs/new-ensemble");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        this.browser.type("#modelName", "Not A Name");
        this.browser.follow("#submit-ensemble");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(this.browser.text("#modelName-note .field-error")).startsWith("publish.modelName:");
        assertThat(this.browser.find("#modelName").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(this.browser.find("#modelName").getAttribute("value")).isEqualTo("Not A Name");
        this.browser.screenshot("60-ensemble-form-refused");
    }

    @Test
    void aDataScientistTrainsAVotingEnsembleThroughTheFormWatchesItAndTriesIt() {
        PlatformApi.Tenant tenant = api.createTenant();
        this.browser.open("/datasets/new");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        uploadDataset(DATA, "clinic", false);

        this.browser.open("/jobs/new-ensemble");
        new Select(this.browser.find("#method")).selectByValue("voting");
        chooseMemberTypes("logistic", "tree");
        this.browser.click("#source-central");
        // Only the fields of the chosen method, member types and data source show.
        assertThat(shownFields("size", "folds", "voting", "mlpLayers", "treeMaxDepth", "datasetId", "dataset-0"))
            .containsExactly("voting", "treeMaxDepth", "datasetId");
        new Select(this.browser.find("#datasetId")).selectByVisibleText("clinic");
        this.browser.type("#epochs", "5");
        this.browser.type("#modelName", "clinic-voting");
        this.browser.screenshot("70-ensemble-form");
        this.browser.follow("#submit-ensemble");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("job-status")));
        assertThat(this.browser.text("h1")).startsWith("Ensemble job");
        markPageAsNotReloaded();
        this.browser.await(JOB_LIMIT, ExpectedConditions.textToBe(By.id("job-status"), "SUCCEEDED"));
        assertThat(pageWasNotReloaded()).as("the page followed the job without a reload").isTrue();
        assertThat(this.browser.text("#job-progress-text")).isEqualTo("Member 2 of 2");
        assertThat(this.browser.text("#job-model-link")).isEqualTo("clinic-voting version 1");

        assertThat(headings()).containsExactly("Member", "Type", "Loss", "Accuracy", "Trained for");
        List<List<String>> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting((row) -> row.get(1))
            .containsExactlyInAnyOrder("Logistic regression", "Decision tree");
        for (List<String> row : rows) {
            assertThat(row.get(2)).as("loss of the %s", row.get(1))
                .matches("Decision tree".equals(row.get(1)) ? "–" : "\\d+\\.\\d{4}");
            assertThat(row.get(3)).matches("\\d+\\.\\d %");
        }
        assertThat(chartSeries("loss-chart")).as("a tree has no loss to draw").containsExactly("Logistic regression");
        List<?> losses = chartData("loss-chart", 0);
        assertThat(losses).hasSize(2);
        assertThat(losses.get(rowOf(rows, "Decision tree"))).isNull();
        assertThat(losses.get(rowOf(rows, "Logistic regression"))).isInstanceOf(Number.class);
        assertThat(chartSeries("accuracy-chart")).containsExactlyInAnyOrder("Logistic regression", "Decision tree");
        Map<String, String> settings = settings();
        assertThat(settings).containsEntry("Method", "Voting")
            .containsEntry("Voting", "soft")
            .containsEntry("Members", "2")
            .containsEntry("Member types", "logistic regression; decision tree, depth at most 6")
            .containsEntry("Voting weights", "fitted on the validation rows")
            .containsEntry("Epochs per member", "5")
            .doesNotContainKeys("Folds", "Bootstrap share", "Rounds", "Strategy", "Hidden layers");
        this.browser.screenshot("70-ensemble-job-succeeded");
        String path = this.browser.path();
        // Members train side by side: each row shows how long its member trained, not the
        // time since the step before.
        JsonNode steps = api.send("GET", "/api/v1" + path + "/rounds", tenant.token(), null).get("items");
        for (JsonNode step : steps) {
            List<String> row = rows.stream()
                .filter((cells) -> cells.get(0).equals(step.get("round").asString()))
                .findFirst()
                .orElseThrow();
            assertThat(row.get(4)).as("time of member %s", row.get(0))
                .isEqualTo(FixedDecimals.of(step.get("trainingMillis").asLong() / 1000.0, 1) + " s");
        }
        this.browser.open(path);
        assertThat(rows()).as("the live rows are those the server renders").isEqualTo(rows);

        this.browser.follow("#job-model-link");
        this.browser.follow("#try-model");
        this.browser.follow("#predict");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("predicted-label")));
        assertThat(this.browser.text("#predicted-label")).isIn("benign", "malignant");
        assertThat(this.browser.text("#answered-by")).isEqualTo("Answered by version 1");
        assertThat(this.browser.findAll("#probabilities tbody tr")).hasSize(2);
        this.browser.screenshot("70-ensemble-try-model");
    }

    @Test
    void aStackingEnsembleAcrossThreeParticipantsSubmittedThroughTheFormSucceeds() {
        PlatformApi.Tenant tenant = api.createTenant();
        List<String> hospitals = List.of("hospital-a", "hospital-b", "hospital-c");
        for (int i = 0; i < hospitals.size(); i++) {
            api.uploadDataset(tenant.token(), hospitals.get(i), "diagnosis", readData(i * 189, (i + 1) * 189));
        }
        this.browser.open("/jobs/new-ensemble");
        this.browser.logIn(tenant.scientist(), PlatformApi.PASSWORD);
        new Select(this.browser.find("#method")).selectByValue("stacking");
        chooseMemberTypes("logistic", "tree");
        this.browser.click("#source-central");
        assertThat(shownFields("size", "folds", "voting", "datasetId", "dataset-0")).containsExactly("folds",
                "datasetId");
        this.browser.click("#source-federated");
        assertThat(shownFields("size", "folds", "voting", "datasetId", "dataset-0"))
            .as("stacking across participants takes no folds")
            .containsExactly("dataset-0");
        for (WebElement checkbox : this.browser.findAll("input[name=datasetIds]")) {
            checkbox.click();
        }
        this.browser.type("#epochs", "3");
        this.browser.type("#modelName", "hospitals-stacked");
        this.browser.screenshot("71-ensemble-federated-form");
        this.browser.follow("#submit-ensemble");
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("job-status")));
        markPageAsNotReloaded();
        // Six members at three participants take seconds: the rows arrive by events,
        // unless the
        // job was over before the page had loaded.
        assertThat(this.browser.text("#job-status")).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        this.browser.await(JOB_LIMIT, ExpectedConditions.textToBe(By.id("job-status"), "SUCCEEDED"));
        assertThat(pageWasNotReloaded()).as("the page followed the job without a reload").isTrue();
        assertThat(this.browser.text("#job-progress-text")).isEqualTo("Member 6 of 6");
        assertThat(this.browser.text("#job-model-link")).isEqualTo("hospitals-stacked version 1");

        assertThat(headings()).containsExactly("Member", "Type", "Participant", "Loss", "Accuracy", "Trained for");
        List<List<String>> rows = rows();
        assertThat(rows).hasSize(6);
        for (String hospital : hospitals) {
            assertThat(rows).filteredOn((row) -> row.get(2).equals(hospital))
                .extracting((row) -> row.get(1))
                .as("the members trained at %s", hospital)
                .containsExactlyInAnyOrder("Logistic regression", "Decision tree");
        }
        assertThat(rows).filteredOn((row) -> row.get(1).equals("Decision tree"))
            .extracting((row) -> row.get(3))
            .containsOnly("–");
        Map<String, String> settings = settings();
        assertThat(settings).containsEntry("Method", "Stacking (meta-learner)")
            .containsEntry("Data", "3 participants, each member trained inside one")
            .containsEntry("Members", "6 (2 types at each of 3 participants)")
            .doesNotContainKeys("Folds", "Voting", "Bootstrap share", "Rounds", "Strategy");
        assertThat(this.browser.findAll("ul.plain li")).extracting(WebElement::getText)
            .allMatch((text) -> text.startsWith("hospital-"))
            .hasSize(3);
        this.browser.screenshot("71-ensemble-federated");
        this.browser.open(this.browser.path());
        assertThat(rows()).as("the live rows are those the server renders").isEqualTo(rows);
    }

    /**
     * Trains version 2 by script, as a colleague might, and compares it with version 1.
     */
    private void compareWithASecondVersion(PlatformApi.Tenant tenant) {
        StringBuilder participants = new StringBuilder();
        for (JsonNode dataset : api.send("GET", "/api/v1/datasets", tenant.token(), null).get("items")) {
            participants.append(participants.isEmpty() ? "" : ",")
                .append("{\"name\":\"")
                .append(dataset.get("name").asString())
                .append("\",\"datasetId\":\"")
                .append(dataset.get("id").asString())
                .append("\"}");
        }
        api.send("POST", "/api/v1/jobs", tenant.token(), """
                {"kind":"federated","model":{"layers":[{"units":8}]},
                 "federation":{"participants":[%s],"rounds":2},"publish":{"modelName":"breast-cancer"}}"""
            .formatted(participants));
        this.browser.open("/models/breast-cancer");
        this.browser.await(JOB_LIMIT, (driver) -> {
            driver.navigate().refresh();
            return !this.browser.findAll("#version-2").isEmpty();
        });
        new Select(this.browser.find("#compare-a")).selectByValue("1");
        new Select(this.browser.find("#compare-b")).selectByValue("2");
        this.browser.follow("#compare");
        this.browser.await((driver) -> this.browser.path().startsWith("/models/breast-cancer/compare"));
        this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
        assertThat(this.browser.text("h1")).isEqualTo("Version 1 and version 2");
        assertThat(this.browser.text("#same-schema")).startsWith("Yes");
        assertThat(this.browser.text("#comparison")).contains("16 relu").contains("8 relu");
        // The versions differ in their layers and rounds, not in their kind.
        List<String> differing = this.browser.findAll("#comparison tr.differs th > span:first-child")
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(differing).contains("Hidden layers", "Rounds")
            .as("the same seed and datasets, listed in another order, are no difference")
            .doesNotContain("Kind", "Seed", "Datasets", "Features");
        this.browser.screenshot("11b-compare");
    }

    /** Those of the given fields, by id, that the page shows now. */
    private List<String> shownFields(String... ids) {
        return List.of(ids).stream().filter((id) -> this.browser.find("#" + id).isDisplayed()).toList();
    }

    /** Ticks exactly the given member types on the ensemble form. */
    private void chooseMemberTypes(String... types) {
        for (WebElement checkbox : this.browser.findAll("input[name=memberTypes]")) {
            boolean wanted = List.of(types).contains(checkbox.getAttribute("value"));
            if (checkbox.isSelected() != wanted) {
                checkbox.click();
            }
        }
    }

    /** Leaves a mark on the page that a reload would wipe out. */
    private void markPageAsNotReloaded() {
        this.browser.driver().executeScript("window.aimassTestMark = true;");
    }

    private boolean pageWasNotReloaded() {
        return Boolean.TRUE.equals(this.browser.driver().executeScript("return window.aimassTestMark === true;"));
    }

    private List<String> headings() {
        return this.browser.findAll("#rounds thead th").stream().map(WebElement::getText).toList();
    }

    /** The cells of the steps table, row by row. */
    private List<List<String>> rows() {
        return this.browser.findAll("#rounds tbody tr")
            .stream()
            .map((row) -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
            .toList();
    }

    private static int rowOf(List<List<String>> rows, String type) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(1).equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no row of type " + type + " in " + rows);
    }

    @SuppressWarnings("unchecked")
    private List<Object> chartSeries(String canvas) {
        return (List<Object>) this.browser.driver()
            .executeScript("return Chart.getChart(arguments[0]).data.datasets.map((set) => set.label);", canvas);
    }

    private List<?> chartData(String canvas, int series) {
        return (List<?>) this.browser.driver()
            .executeScript("return Chart.getChart(arguments[0]).data.datasets[arguments[1]].data;", canvas, series);
    }

    /** The job page's settings, label by label. */
    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (WebElement fact : this.browser.findAll("h2 + dl.facts > div")) {
            // The labels are upper case on screen only, by the style sheet.
            String label = fact.findElement(By.tagName("dt")).getDomProperty("textContent").strip();
            settings.put(label, fact.findElement(By.tagName("dd")).getText());
        }
        return settings;
    }

    private void uploadDataset(Path file, String name, boolean screenshot) {
        this.browser.open("/datasets/new");
        this.browser.find("#file").sendKeys(file.toAbsolutePath().normalize().toString());
        this.browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("labelColumn"), "diagnosis"));
        assertThat(new Select(this.browser.find("#labelColumn")).getFirstSelectedOption().getText())
            .isEqualTo("diagnosis");
        this.browser.type("#name", name);
        if (screenshot) {
            this.browser.screenshot("04-upload-form");
        }
        this.browser.click("#upload");
        this.browser.await(ExpectedConditions.textToBe(By.tagName("h1"), name));
        assertThat(this.browser.text(".notice")).contains("every row is valid");
    }

    private static List<Path> splitIntoHospitals() throws IOException {
        List<String> lines = Files.readAllLines(DATA);
        Path folder = Files.createDirectories(Path.of("target", "browser-data"));
        int rows = lines.size() - 1;
        int[] ends = { rows / 2, rows * 8 / 10, rows };
        List<Path> files = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < ends.length; i++) {
            List<String> part = new ArrayList<>();
            part.add(lines.get(0));
            part.addAll(lines.subList(1 + start, 1 + ends[i]));
            Path file = folder.resolve("hospital-" + (char) ('a' + i) + ".csv");
            Files.write(file, part);
            files.add(file);
            start = ends[i];
        }
        return files;
    }

    private static String readData(int from, int to) {
        try {
            List<String> lines = Files.readAllLines(DATA);
            List<String> part = new ArrayList<>();
            part.add(lines.get(0));
            part.addAll(lines.subList(1 + from, 1 + to));
            return String.join("\n", part) + "\n";
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

}
