package ai.aimass.standalone.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The main job, end to end, driven only over HTTP: a hospital group registers its three
 * hospitals' data, trains one federated model across them (and a pooled baseline), and a
 * device asks the inference service for predictions on patients no hospital trained on.
 * <p>
 * It is written as a person would script the platform, so each step is one REST call that
 * the printed {@code curl} commands repeat. Running it again reuses the tenant and
 * datasets and publishes the next model versions.
 */
public final class DemoClient {

    static final String TENANT = "demo-health";

    static final String TENANT_ADMIN = "demo-health-admin";

    static final String FEDERATED_MODEL = "breast-cancer";

    static final String POOLED_MODEL = "breast-cancer-pooled";

    static final String LABEL = "diagnosis";

    static final long SEED = 42;

    private static final String[] HOSPITALS = { "hospital-a", "hospital-b", "hospital-c" };

    private static final double[] SIZE_SHARES = { 0.5, 0.3, 0.2 };

    private static final double[] MALIGNANT_SHARES = { 0.25, 0.40 };

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(20);

    private final Endpoints endpoints;

    private final Path dataDirectory;

    private final int rounds;

    private final PrintStream out;

    private final JsonHttp http = new JsonHttp();

    /** Where the three services and the console listen. */
    public record Endpoints(String apiUrl, String inferenceUrl, String workerUrl, String consoleUrl) {

        /** One line per service, for a person to read. */
        public List<String> describe() {
            return List.of("  web console        " + this.consoleUrl + "   (log in as a tenant's user)",
                    "  platform-api       " + this.apiUrl + "   (Swagger UI: " + this.apiUrl + "/swagger-ui.html)",
                    "  inference-service  " + this.inferenceUrl,
                    "  training-worker    " + this.workerUrl + "/actuator/health");
        }

    }

    public DemoClient(Endpoints endpoints, Path dataDirectory, int rounds, PrintStream out) {
        this.endpoints = endpoints;
        this.dataDirectory = dataDirectory;
        this.rounds = rounds;
        this.out = out;
    }

    /** Runs every step and returns what it measured. */
    public DemoReport run() {
        Instant started = Instant.now();
        String token = prepareTenant();
        String apiKey = createDeviceKey(token);
        CsvRows data = CsvRows.load("data/breast-cancer-wisconsin-diagnostic.csv");
        int labelIndex = data.header().indexOf(LABEL);
        HospitalSplit.Result split = HospitalSplit.split(data.rows(), labelIndex, 0.15, SIZE_SHARES, MALIGNANT_SHARES,
                SEED);
        List<String> datasetIds = uploadDatasets(token, data, split, labelIndex);

        section("3. Submitting the federated job and the pooled baseline");
        String federatedJob = submitJob(token, FEDERATED_MODEL, datasetIds.subList(0, 3), HOSPITALS);
        String pooledJob = submitJob(token, POOLED_MODEL, datasetIds.subList(3, 4), new String[] { "pooled" });

        section("4. Training, round by round (validation accuracy of the global model on each hospital's own split)");
        JsonNode federated = followJob(token, federatedJob, true);
        JsonNode pooled = followJob(token, pooledJob, false);
        int federatedVersion = versionOf(token, FEDERATED_MODEL, federated);
        int pooledVersion = versionOf(token, POOLED_MODEL, pooled);
        String digest = reportDeterminism(token, FEDERATED_MODEL, federatedVersion);

        section("5. Predicting the " + split.holdOut().size() + " held-out patients through the inference service");
        HeldOutScorer scorer = new HeldOutScorer(this.http, this.endpoints.inferenceUrl(), apiKey, data.header(),
                LABEL);
        HeldOutScorer.Score federatedV1 = scorer.scoreNamedFeatures(FEDERATED_MODEL, split.holdOut());
        HeldOutScorer.Score federatedV2 = scorer.scoreOpenInference(FEDERATED_MODEL, split.holdOut());
        HeldOutScorer.Score pooledV1 = scorer.scoreNamedFeatures(POOLED_MODEL, split.holdOut());
        printAccuracies(federatedV1, federatedV2, pooledV1);
        printFirstPatients(federatedV1, split.holdOut(), labelIndex);

        Duration wallTime = Duration.between(started, Instant.now());
        printHowToRepeat(apiKey, data.header(), split.holdOut().get(0), labelIndex, wallTime);
        return new DemoReport(datasetIds, federatedJob, pooledJob, federatedVersion, pooledVersion, digest,
                federatedV1.accuracy(), federatedV2.accuracy(), pooledV1.accuracy(), apiKey, wallTime);
    }

    private String prepareTenant() {
        section("1. Tenant " + TENANT + ", its admin and a device key");
        String adminPassword = waitForFile(this.dataDirectory.resolve("admin-password"));
        String adminToken = login("admin", adminPassword);
        Path tenantPasswordFile = this.dataDirectory.resolve(TENANT_ADMIN + "-password");
        JsonNode tenants = this.http
            .expect(this.http.get(api("/api/v1/tenants?size=100"), adminToken), 200, "Listing tenants")
            .body();
        boolean exists = items(tenants).stream().anyMatch((t) -> TENANT.equals(t.path("name").asString()));
        if (exists) {
            this.out.println("Tenant " + TENANT + " exists from an earlier run; logging in as " + TENANT_ADMIN);
            return login(TENANT_ADMIN, readPassword(tenantPasswordFile));
        }
        String password = newPassword();
        Map<String, Object> admin = Map.of("username", TENANT_ADMIN, "password", password);
        this.http.expect(
                this.http.postJson(api("/api/v1/tenants"), adminToken,
                        Map.of("name", TENANT, "displayName", "Demo Health hospital group", "admin", admin)),
                201, "Creating tenant " + TENANT);
        writePassword(tenantPasswordFile, password);
        this.out.println("Created tenant " + TENANT + " with admin " + TENANT_ADMIN + " (password in "
                + tenantPasswordFile + ")");
        return login(TENANT_ADMIN, password);
    }

    private String createDeviceKey(String token) {
        JsonNode key = this.http.expect(
                this.http.postJson(api("/api/v1/api-keys"), token,
                        Map.of("name", "demo-device-" + Instant.now().getEpochSecond(), "scopes", List.of("predict"))),
                201, "Creating a device API key")
            .body();
        String secret = key.path("key").asString();
        this.out.println("Created device API key " + key.path("id").asString() + " with scope predict");
        return secret;
    }

    private List<String> uploadDatasets(String token, CsvRows data, HospitalSplit.Result split, int labelIndex) {
        section("2. Datasets: " + split.holdOut().size() + " patients held out, the rest split across hospitals");
        List<String> ids = new ArrayList<>();
        List<List<String>> pooledRows = new ArrayList<>();
        for (int h = 0; h < HOSPITALS.length; h++) {
            List<List<String>> rows = split.hospitals().get(h);
            pooledRows.addAll(rows);
            this.out.printf(Locale.ROOT, "  %-11s %4d patients, %4.1f %% malignant%n", HOSPITALS[h], rows.size(),
                    100 * split.minorityShare(h, labelIndex));
            ids.add(uploadOrFind(token, "bc-" + HOSPITALS[h], data.toCsv(rows)));
        }
        this.out.printf(Locale.ROOT, "  %-11s %4d patients (all three hospitals, for the centralized baseline)%n",
                "pooled", pooledRows.size());
        ids.add(uploadOrFind(token, "bc-pooled", data.toCsv(pooledRows)));
        return ids;
    }

    private String uploadOrFind(String token, String name, byte[] csv) {
        JsonHttp.Answer answer = this.http.postMultipart(api("/api/v1/datasets"), token,
                Map.of("name", name, "labelColumn", LABEL), name + ".csv", csv);
        if (answer.is(201)) {
            this.out.println("  uploaded " + name + ": " + answer.body().path("rowCount").asInt() + " rows, sha256 "
                    + answer.body().path("sha256").asString().substring(0, 12) + "...");
            return answer.body().path("id").asString();
        }
        if (answer.is(409)) {
            JsonNode found = findByName(token, "/api/v1/datasets", name)
                .orElseThrow(() -> new DemoException("Dataset " + name + " answered 409 but is not listed"));
            this.out.println("  " + name + " is already registered (409 on a second upload): reusing it");
            return found.path("id").asString();
        }
        throw new DemoException(
                "Uploading " + name + ": expected HTTP 201, got " + answer.status() + " " + answer.body());
    }

    private String submitJob(String token, String modelName, List<String> datasetIds, String[] participantNames) {
        List<Map<String, Object>> participants = new ArrayList<>();
        for (int i = 0; i < datasetIds.size(); i++) {
            participants.add(Map.of("name", participantNames[i], "datasetId", datasetIds.get(i)));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", "federated");
        spec.put("model",
                Map.of("layers", List.of(Map.of("units", 16, "activation", "relu")), "outputActivation", "softmax"));
        spec.put("training", Map.of("epochs", 1, "batchSize", 16, "learningRate", 0.01, "optimizer", "adam", "seed",
                SEED, "validationFraction", 0.2));
        spec.put("federation", Map.of("participants", participants, "rounds", this.rounds, "strategy", "fedavg"));
        spec.put("publish", Map.of("modelName", modelName, "alias", "production"));
        JsonNode job = this.http
            .expect(this.http.postJson(api("/api/v1/jobs"), token, spec), 201, "Submitting the job for " + modelName)
            .body();
        this.out.println("  job " + job.path("id").asString() + " -> model " + modelName + ", " + datasetIds.size()
                + " participant(s), " + this.rounds + " rounds of FedAvg, seed " + SEED);
        return job.path("id").asString();
    }

    private JsonNode followJob(String token, String jobId, boolean printRounds) {
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        int printed = 0;
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = this.http.expect(this.http.get(api("/api/v1/jobs/" + jobId), token), 200, "Reading job")
                .body();
            if (printRounds) {
                printed = printNewRounds(token, jobId, printed);
            }
            String status = job.path("status").asString();
            if (status.equals("SUCCEEDED")) {
                return job;
            }
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new DemoException(
                        "Job " + jobId + " ended " + status + ": " + job.path("errorMessage").asString());
            }
            sleep(Duration.ofMillis(250));
        }
        throw new DemoException("Job " + jobId + " did not finish within " + JOB_TIMEOUT.toMinutes() + " minutes");
    }

    private int printNewRounds(String token, String jobId, int printed) {
        // Rounds come in pages of 100; only the page holding the next unprinted round is
        // read.
        int pageSize = 100;
        String url = api("/api/v1/jobs/" + jobId + "/rounds?size=" + pageSize + "&page=" + (printed / pageSize));
        List<JsonNode> rounds = items(this.http.expect(this.http.get(url, token), 200, "Reading rounds").body());
        int firstNew = printed % pageSize;
        for (JsonNode round : rounds.subList(Math.min(firstNew, rounds.size()), rounds.size())) {
            StringBuilder perHospital = new StringBuilder();
            for (JsonNode participant : round.path("participants")) {
                perHospital.append(String.format(Locale.ROOT, " %s %.3f", participant.path("participant").asString(),
                        participant.path("validationAccuracy").asDouble()));
            }
            this.out.printf(Locale.ROOT, "  round %2d/%d  answered %d  mean loss %.4f  val-acc %.4f  (%s )%n",
                    round.path("round").asInt(), this.rounds, round.path("participantsAnswered").asInt(),
                    round.path("meanLoss").asDouble(), round.path("validationAccuracy").asDouble(),
                    perHospital.toString().trim());
        }
        return printed - firstNew + Math.max(firstNew, rounds.size());
    }

    private int versionOf(String token, String modelName, JsonNode job) {
        JsonNode latest = latestVersion(token, modelName);
        this.out.println("  " + modelName + ": job " + job.path("status").asString() + ", published version "
                + latest.path("version").asInt());
        return latest.path("version").asInt();
    }

    private String reportDeterminism(String token, String modelName, int version) {
        List<JsonNode> versions = items(this.http
            .expect(this.http.get(api("/api/v1/models/" + modelName + "/versions?size=100"), token), 200,
                    "Listing versions")
            .body());
        String digest = versions.stream()
            .filter((v) -> v.path("version").asInt() == version)
            .map((v) -> v.path("weightsSha256").asString())
            .findFirst()
            .orElse("");
        this.out.println("  weights sha256 of " + modelName + " v" + version + ": " + digest);
        versions.stream()
            .filter((v) -> v.path("version").asInt() == version - 1)
            .findFirst()
            .ifPresent((previous) -> this.out.println("  same seed as v" + (version - 1)
                    + ", same weights bit for bit: " + previous.path("weightsSha256").asString().equals(digest)));
        return digest;
    }

    private void printAccuracies(HeldOutScorer.Score federatedV1, HeldOutScorer.Score federatedV2,
            HeldOutScorer.Score pooled) {
        this.out.printf(Locale.ROOT, "  %-22s %-34s %s%n", "model", "API", "held-out accuracy");
        this.out.printf(Locale.ROOT, "  %-22s %-34s %.4f (v%s)%n", FEDERATED_MODEL, "POST /v1/models/{m}:predict",
                federatedV1.accuracy(), federatedV1.version());
        this.out.printf(Locale.ROOT, "  %-22s %-34s %.4f (v%s)%n", FEDERATED_MODEL, "POST /v2/models/{m}/infer (OIP)",
                federatedV2.accuracy(), federatedV2.version());
        this.out.printf(Locale.ROOT, "  %-22s %-34s %.4f (v%s)%n", POOLED_MODEL, "POST /v1/models/{m}:predict",
                pooled.accuracy(), pooled.version());
        this.out.printf(Locale.ROOT, "  federated minus pooled: %+.4f%n", federatedV1.accuracy() - pooled.accuracy());
    }

    private void printFirstPatients(HeldOutScorer.Score score, List<List<String>> holdOut, int labelIndex) {
        this.out.println("  first patients (federated model):");
        for (int i = 0; i < Math.min(5, holdOut.size()); i++) {
            HeldOutScorer.Prediction prediction = score.predictions().get(i);
            this.out.printf(Locale.ROOT,
                    "    patient %d: predicted %-9s p(benign)=%.3f p(malignant)=%.3f  v%s  true %s%n", i + 1,
                    prediction.label(), prediction.probabilities().getOrDefault("benign", Double.NaN),
                    prediction.probabilities().getOrDefault("malignant", Double.NaN), score.version(),
                    holdOut.get(i).get(labelIndex));
        }
    }

    private void printHowToRepeat(String apiKey, List<String> header, List<String> patient, int labelIndex,
            Duration wallTime) {
        section("6. Try it yourself");
        this.endpoints.describe().forEach(this.out::println);
        this.out.println("  console login      " + TENANT_ADMIN + ", password in "
                + this.dataDirectory.resolve(TENANT_ADMIN + "-password"));
        this.out.println("  device API key     " + apiKey);
        StringBuilder instance = new StringBuilder("{");
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < header.size(); c++) {
            if (c == labelIndex) {
                continue;
            }
            instance.append(instance.length() > 1 ? "," : "")
                .append('"')
                .append(header.get(c))
                .append("\":")
                .append(patient.get(c));
            row.append(row.length() > 0 ? "," : "").append(patient.get(c));
        }
        instance.append('}');
        int featureCount = header.size() - 1;
        this.out.println();
        this.out.println("  curl -s -H 'Authorization: Bearer " + apiKey + "' -H 'Content-Type: application/json' \\");
        this.out.println("    " + this.endpoints.inferenceUrl() + "/v1/models/" + FEDERATED_MODEL + ":predict \\");
        this.out.println("    -d '{\"instances\":[" + instance + "]}'");
        this.out.println();
        this.out.println("  curl -s -H 'Authorization: Bearer " + apiKey + "' -H 'Content-Type: application/json' \\");
        this.out.println("    " + this.endpoints.inferenceUrl() + "/v2/models/" + FEDERATED_MODEL + "/infer \\");
        this.out.println("    -d '{\"inputs\":[{\"name\":\"input\",\"shape\":[1," + featureCount
                + "],\"datatype\":\"FP32\",\"data\":[" + row + "]}]}'");
        this.out.println();
        this.out.println("  curl -s -X POST " + this.endpoints.apiUrl() + "/api/v1/auth/token -H 'Content-Type: "
                + "application/json' \\");
        this.out.println("    -d '{\"username\":\"" + TENANT_ADMIN + "\",\"password\":\"'\"$(cat "
                + this.dataDirectory.resolve(TENANT_ADMIN + "-password") + ")\"'\"}'");
        this.out.printf(Locale.ROOT, "%nDemo finished in %.1f s.%n", wallTime.toMillis() / 1000.0);
    }

    private String login(String username, String password) {
        JsonNode token = this.http
            .expect(this.http.postJson(api("/api/v1/auth/token"), null,
                    Map.of("username", username, "password", password)), 200, "Logging in as " + username)
            .body();
        return "Bearer " + token.path("accessToken").asString();
    }

    private JsonNode latestVersion(String token, String modelName) {
        List<JsonNode> versions = items(this.http
            .expect(this.http.get(api("/api/v1/models/" + modelName + "/versions?size=1"), token), 200,
                    "Listing versions of " + modelName)
            .body());
        if (versions.isEmpty()) {
            throw new DemoException("Model " + modelName + " has no version after its job succeeded");
        }
        return versions.get(0);
    }

    private Optional<JsonNode> findByName(String token, String path, String name) {
        JsonNode page = this.http.expect(this.http.get(api(path + "?size=100"), token), 200, "Listing " + path).body();
        return items(page).stream().filter((item) -> name.equals(item.path("name").asString())).findFirst();
    }

    static List<JsonNode> items(JsonNode node) {
        JsonNode array = node.isArray() ? node : node.path("items");
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private String api(String path) {
        return this.endpoints.apiUrl() + path;
    }

    private void section(String title) {
        this.out.println();
        this.out.println("== " + title);
    }

    private static String waitForFile(Path file) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.exists(file)) {
            if (Instant.now().isAfter(deadline)) {
                throw new DemoException("platform-api did not write the admin password to " + file
                        + "; set AIMASS_ADMIN_PASSWORD or check its log");
            }
            sleep(Duration.ofMillis(200));
        }
        return readPassword(file);
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        catch (IOException ex) {
            throw new DemoException("Could not read " + file + " (" + ex.getMessage()
                    + "); the data directory is incomplete: delete it to start afresh");
        }
    }

    private static void writePassword(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write " + file, ex);
        }
    }

    private static String newPassword() {
        byte[] raw = new byte[18];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DemoException("Interrupted while waiting");
        }
    }

    /**
     * The demo's data table: the header and the rows of a CSV shipped on the classpath.
     */
    record CsvRows(List<String> header, List<List<String>> rows) {

        static CsvRows load(String resource) {
            try (InputStream in = DemoClient.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new DemoException("The demo data " + resource + " is missing from the classpath");
                }
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter((line) -> !line.isBlank())
                    .toList();
                List<List<String>> rows = lines.subList(1, lines.size())
                    .stream()
                    .map((line) -> List.of(line.split(",", -1)))
                    .toList();
                return new CsvRows(List.of(lines.get(0).split(",", -1)), rows);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not read " + resource, ex);
            }
        }

        byte[] toCsv(List<List<String>> selected) {
            StringBuilder csv = new StringBuilder(String.join(",", this.header)).append('\n');
            selected.forEach((row) -> csv.append(String.join(",", row)).append('\n'));
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

    }

}
