package ai.aimass.api.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import ai.aimass.data.artifact.ArtifactStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetTests extends ApiTestSupport {

    private static final String SMALL_HEADER = "age,city,label\n";

    @Autowired
    private ArtifactStore artifacts;

    @Test
    void uploadsTheBreastCancerDataWithItsSchemaCountsAndStatistics() throws Exception {
        TestTenant tenant = createTenant();
        byte[] file = breastCancerCsv();
        ApiClient.Response response = api().uploadDataset(tenant.adminToken(), "hospital-a", "diagnosis", file);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode body = response.body();
        String id = body.get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/datasets/" + id);
        assertThat(body.get("name").asString()).isEqualTo("hospital-a");
        assertThat(body.get("labelColumn").asString()).isEqualTo("diagnosis");
        assertThat(body.get("rowCount").asInt()).isEqualTo(569);
        assertThat(body.get("classCounts").get("malignant").asLong()).isEqualTo(212);
        assertThat(body.get("classCounts").get("benign").asLong()).isEqualTo(357);
        assertThat(body.get("schema").get("labelClasses").get(0).asString()).isEqualTo("benign");
        assertThat(body.get("schema").get("labelClasses").get(1).asString()).isEqualTo("malignant");
        assertThat(body.get("schema").get("features")).hasSize(30);
        assertThat(body.get("schema").get("features").get(0).get("name").asString()).isEqualTo("mean_radius");
        assertThat(body.get("schema").get("features").get(0).get("type").asString()).isEqualTo("NUMERIC");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        assertThat(body.get("sha256").asString()).isEqualTo(sha256);
        assertThat(this.artifacts.get(tenant.id(), sha256)).isEqualTo(file);
        JsonNode meanRadius = body.get("columns").get(0);
        assertThat(meanRadius.get("name").asString()).isEqualTo("mean_radius");
        assertThat(meanRadius.get("count").asLong()).isEqualTo(569);
        assertThat(meanRadius.get("mean").asDouble()).isCloseTo(columnMean(file, 0),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(meanRadius.get("min").asDouble()).isEqualTo(6.981);
        assertThat(meanRadius.get("max").asDouble()).isEqualTo(28.11);
        ApiClient.Response read = api().get("/api/v1/datasets/" + id, tenant.adminToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(body);
        ApiClient.Response list = api().get("/api/v1/datasets", tenant.adminToken());
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void acceptsAByteOrderMarkBeforeTheHeader() {
        TestTenant tenant = createTenant();
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] csv = (SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(csv, 0, file, bom.length, csv.length);
        ApiClient.Response response = api().uploadDataset(tenant.adminToken(), "with-bom", "label", file);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.body().get("schema").get("features").get(0).get("name").asString()).isEqualTo("age");
        assertThat(response.body().get("rowCount").asInt()).isEqualTo(2);
    }

    @Test
    void acceptsAQuotedFieldWithACommaAndAnEscapedQuote() {
        TestTenant tenant = createTenant();
        String csv = SMALL_HEADER + "30,\"Oslo, \"\"North\"\"\",yes\n40,Bergen,no\n";
        ApiClient.Response response = api().uploadDataset(tenant.adminToken(), "quoted", "label",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode city = response.body().get("columns").get(1);
        assertThat(city.get("type").asString()).isEqualTo("CATEGORICAL");
        assertThat(city.get("categoryCounts").get("Oslo, \"North\"").asLong()).isEqualTo(1);
        assertThat(city.get("categoryCounts").get("Bergen").asLong()).isEqualTo(1);
        assertThat(response.body().get("schema").get("features").get(1).get("categories").get(1).asString())
            .isEqualTo("Oslo, \"North\"");
    }

    @Test
    void refusesAnEmptyCellNamingRowAndColumn() {
        assertRefused(SMALL_HEADER + "30,Oslo,yes\n,Bergen,no\n", "label", 400, "invalid_input",
                "file: row 3, column \"age\": expected a value, found an empty cell");
    }

    @Test
    void refusesANonNumericCellInANumericColumn() {
        assertRefused(SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no\nn/a,Oslo,no\n", "label", 400, "invalid_input",
                "file: row 4, column \"age\": expected a number, found \"n/a\"");
    }

    @Test
    void refusesARowWithTooFewCells() {
        assertRefused(SMALL_HEADER + "30,Oslo,yes\n40,no\n", "label", 400, "invalid_input",
                "file: row 3: expected 3 cells as in the header, found 2");
    }

    @Test
    void refusesARowWithTooManyCells() {
        assertRefused(SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no,extra\n", "label", 400, "invalid_input",
                "file: row 3: expected 3 cells as in the header, found 4");
    }

    @Test
    void refusesAHeaderWithNoRows() {
        assertRefused(SMALL_HEADER, "label", 400, "invalid_input", "file: the file has a header but no data rows");
    }

    @Test
    void refusesALabelColumnThatDoesNotExist() {
        assertRefused(SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no\n", "outcome", 400, "invalid_input",
                "labelColumn: label column: expected one of the header's columns (age, city, label), found "
                        + "\"outcome\"");
    }

    @Test
    void refusesALabelColumnWithASingleClass() {
        assertRefused(SMALL_HEADER + "30,Oslo,yes\n40,Bergen,yes\n", "label", 400, "invalid_input",
                "labelColumn: label column \"label\" must have at least 2 classes, found 1 (\"yes\")");
    }

    @Test
    void refusesAFileOverTheDatasetLimit() {
        byte[] file = validCsvOfAtLeast(MAX_DATASET_BYTES + 100_000);
        assertRefused(file, "label", 413, "payload_too_large",
                "file: expected a file of at most " + MAX_DATASET_BYTES + " bytes, found " + file.length + " bytes");
    }

    @Test
    void refusesARequestOverTheUploadLimit() {
        byte[] file = validCsvOfAtLeast(MAX_DATASET_BYTES + 1_200_000);
        assertRefused(file, "label", 413, "payload_too_large", "file: expected a file of at most " + MAX_DATASET_BYTES
                + " bytes, found a request larger than the upload limit");
    }

    @Test
    void refusesAnUploadWithoutAFile() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().postMultipart("/api/v1/datasets", tenant.adminToken(),
                Map.of("name", "no-file", "labelColumn", "label"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("file: expected a multipart part named \"file\", found none");
        assertThat(datasetCount(tenant)).isZero();
    }

    @Test
    void refusesAnUploadWithoutALabelColumn() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().postMultipart("/api/v1/datasets", tenant.adminToken(),
                Map.of("name", "no-label", "file", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).isEqualTo("labelColumn: expected a value, found none");
        assertThat(datasetCount(tenant)).isZero();
    }

    @Test
    void refusesADatasetNameThatBreaksTheRules() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().uploadDataset(tenant.adminToken(), "Hospital A", "label",
                (SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no\n").getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail())
            .isEqualTo("name: expected lowercase letters, digits and dashes (1 to 100), found \"Hospital A\"");
        assertThat(datasetCount(tenant)).isZero();
        assertThat(artifactCount(tenant)).isZero();
    }

    @Test
    void refusesANulCharacterInTheFormFields() {
        TestTenant tenant = createTenant();
        byte[] file = "age,la\u0000bel\n30,yes\n40,no\n".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response name = api().uploadDataset(tenant.adminToken(), "x\u0000y", "label",
                (SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no\n").getBytes(StandardCharsets.UTF_8));
        ApiClient.Response labelColumn = api().uploadDataset(tenant.adminToken(), "nul-label", "la\u0000bel", file);
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.code()).isEqualTo("invalid_input");
        assertThat(name.detail()).isEqualTo("name: expected text without NUL characters, found one at index 1");
        assertThat(labelColumn.status()).isEqualTo(400);
        assertThat(labelColumn.code()).isEqualTo("invalid_input");
        assertThat(labelColumn.detail())
            .isEqualTo("labelColumn: expected text without NUL characters, found one at index 2");
        assertThat(datasetCount(tenant)).isZero();
        assertThat(artifactCount(tenant)).isZero();
    }

    @Test
    void takenNameIs409AndStoresNothingMore() {
        TestTenant tenant = createTenant();
        byte[] first = (SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no\n").getBytes(StandardCharsets.UTF_8);
        assertThat(api().uploadDataset(tenant.adminToken(), "pooled", "label", first).status()).isEqualTo(201);
        byte[] second = (SMALL_HEADER + "31,Oslo,yes\n41,Bergen,no\n").getBytes(StandardCharsets.UTF_8);
        ApiClient.Response response = api().uploadDataset(tenant.adminToken(), "pooled", "label", second);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("already_exists");
        assertThat(response.detail()).startsWith(
                "name: expected a dataset name that your tenant has not used, found " + "\"pooled\", which is taken");
        assertThat(datasetCount(tenant)).isEqualTo(1);
        assertThat(artifactCount(tenant)).isEqualTo(1);
    }

    @Test
    void sameNameInAnotherTenantIsAccepted() {
        byte[] file = (SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no\n").getBytes(StandardCharsets.UTF_8);
        assertThat(api().uploadDataset(createTenant().adminToken(), "shared-name", "label", file).status())
            .isEqualTo(201);
        assertThat(api().uploadDataset(createTenant().adminToken(), "shared-name", "label", file).status())
            .isEqualTo(201);
    }

    @Test
    void viewersMayReadButNotUpload() {
        TestTenant tenant = createTenant();
        String viewer = createUser(tenant, "VIEWER");
        ApiClient.Response upload = api().uploadDataset(viewer, "from-viewer", "label",
                (SMALL_HEADER + "30,Oslo,yes\n40,Bergen,no\n").getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isEqualTo(403);
        assertThat(upload.code()).isEqualTo("forbidden");
        assertThat(datasetCount(tenant)).isZero();
        assertThat(api().get("/api/v1/datasets", viewer).status()).isEqualTo(200);
    }

    private void assertRefused(String csv, String labelColumn, int status, String code, String detail) {
        assertRefused(csv.getBytes(StandardCharsets.UTF_8), labelColumn, status, code, detail);
    }

    private void assertRefused(byte[] file, String labelColumn, int status, String code, String detail) {
        TestTenant tenant = createTenant();
        long datasets = datasetCount(tenant);
        long artifactsBefore = artifactCount(tenant);
        ApiClient.Response response = api().uploadDataset(tenant.adminToken(), "refused", labelColumn, file);
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.detail()).isEqualTo(detail);
        assertThat(datasetCount(tenant)).isEqualTo(datasets);
        assertThat(artifactCount(tenant)).isEqualTo(artifactsBefore);
        assertThat(api().get("/api/v1/datasets", tenant.adminToken()).body().get("totalItems").asLong()).isZero();
    }

    static byte[] breastCancerCsv() throws IOException {
        try (InputStream in = DatasetTests.class.getResourceAsStream("/data/breast-cancer-wisconsin-diagnostic.csv")) {
            return in.readAllBytes();
        }
    }

    /** The mean of one column, summed exactly from the file's text. */
    private static double columnMean(byte[] file, int column) {
        List<String> lines = new String(file, StandardCharsets.UTF_8).lines().skip(1).toList();
        BigDecimal sum = BigDecimal.ZERO;
        for (String line : lines) {
            sum = sum.add(new BigDecimal(line.split(",")[column]));
        }
        return sum.divide(BigDecimal.valueOf(lines.size()), MathContext.DECIMAL64).doubleValue();
    }

    private static byte[] validCsvOfAtLeast(int bytes) {
        StringBuilder csv = new StringBuilder(SMALL_HEADER);
        int row = 0;
        while (csv.length() < bytes) {
            csv.append(row % 90).append(",Oslo,").append((row % 2 == 0) ? "yes" : "no").append('\n');
            row++;
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

}
