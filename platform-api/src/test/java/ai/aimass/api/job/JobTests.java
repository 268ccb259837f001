package ai.aimass.api.job;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import ai.aimass.data.model.ModelRegistry;
import ai.aimass.ml.spec.JobSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class JobTests extends ApiTestSupport {

    private static final String CSV = "age,city,label\n30,Oslo,yes\n40,Bergen,no\n50,Oslo,no\n";

    @Autowired
    private ModelRegistry registry;

    @Test
    void submitsAQueuedJobOnTheTenantsDatasets() {
        TestTenant tenant = createTenant();
        String scientist = createUser(tenant, "DATA_SCIENTIST");
        String first = uploadDataset(tenant, "hospital-a");
        String second = uploadDataset(tenant, "hospital-b");
        String spec = spec(participants(first, second), 20, 32, 16);
        ApiClient.Response response = api().post("/api/v1/jobs", scientist, spec);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode job = response.body();
        String id = job.get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);
        assertThat(job.get("kind").asString()).isEqualTo("federated");
        assertThat(job.get("status").asString()).isEqualTo("QUEUED");
        assertThat(job.get("roundsCompleted").asInt()).isZero();
        assertThat(job.get("totalRounds").asInt()).isEqualTo(20);
        assertThat(job.get("cancelRequested").asBoolean()).isFalse();
        assertThat(job.get("modelVersion").isNull()).isTrue();
        assertThat(job.get("spec").get("federation").get("participants").get(1).get("datasetId").asString())
            .isEqualTo(second);
        String stored = this.jdbc.queryForObject("SELECT spec_json FROM jobs WHERE id = ?", String.class,
                UUID.fromString(id));
        assertThat(JobSpec.fromJson(stored)).isEqualTo(JobSpec.fromJson(spec));
        assertThat(api().get("/api/v1/jobs/" + id, scientist).body()).isEqualTo(job);
        ApiClient.Response list = api().get("/api/v1/jobs", scientist);
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aJobThatAsksForAGpuIsQueuedForGpuWorkersOnly() {
        TestTenant tenant = createTenant();
        String dataset = uploadDataset(tenant, "hospital-a");
        String spec = spec(participants(dataset), 2, 32, 16).replaceFirst("\\{",
                "{\"resources\":{\"accelerator\":\"gpu\"},");
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(), spec);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        UUID id = UUID.fromString(response.body().get("id").asString());
        assertThat(response.body().get("spec").get("resources").get("accelerator").asString()).isEqualTo("gpu");
        assertThat(this.jdbc.queryForObject("SELECT accelerator FROM jobs WHERE id = ?", String.class, id))
            .isEqualTo("gpu");

        ApiClient.Response unknown = api().post("/api/v1/jobs", tenant.adminToken(),
                spec.replace("\"gpu\"", "\"quantum\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors")).extracting(JsonNode::asString)
            .contains("resources.accelerator: expected one of any, gpu, cpu, found \"quantum\"");
    }

    @Test
    void aDatasetOfAnotherTenantIsAnsweredLikeAnUnknownOne() {
        TestTenant tenant = createTenant();
        TestTenant other = createTenant();
        String own = uploadDataset(tenant, "hospital-a");
        String foreign = uploadDataset(other, "hospital-b");
        String unknown = UUID.randomUUID().toString();
        ApiClient.Response foreignAnswer = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(participants(own, foreign), 5, 32, 16));
        ApiClient.Response unknownAnswer = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(participants(own, unknown), 5, 32, 16));
        assertThat(foreignAnswer.status()).isEqualTo(404);
        assertThat(foreignAnswer.code()).isEqualTo("not_found");
        assertThat(foreignAnswer.detail())
            .isEqualTo("federation.participants[1].datasetId: expected a dataset of your tenant, found none with id "
                    + foreign);
        assertThat(unknownAnswer.status()).isEqualTo(foreignAnswer.status());
        assertThat(unknownAnswer.detail().replace(unknown, foreign)).isEqualTo(foreignAnswer.detail());
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesAParticipantDatasetThatCannotHoldOutAValidationRow() {
        TestTenant tenant = createTenant();
        String usable = uploadDataset(tenant, "hospital-a");
        String singleRowClasses = uploadDataset(tenant, "tiny", "age,city,label\n30,Oslo,yes\n40,Bergen,no\n");
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(participants(usable, singleRowClasses), 5, 32, 16));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("federation.participants[1].datasetId: expected a dataset with at "
                + "least 2 rows of some class, so that it can hold out a validation row, found dataset \"tiny\" with "
                + "2 rows of 2 classes, 1 each");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesAJobWithoutParticipants() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(), spec("[]", 5, 32, 16));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("federation.participants: expected at least 1 participant, found none");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesAnImpossibleSpecListingEveryProblemByField() {
        TestTenant tenant = createTenant();
        String dataset = uploadDataset(tenant, "hospital-a");
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(participants(dataset), 0, 0, -3));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        JsonNode errors = response.body().get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).asString()).isEqualTo("model.layers[0].units: expected 1 to 4096, found -3");
        assertThat(errors.get(1).asString())
            .isEqualTo("training.batchSize: expected an integer from 1 to 65536, found 0");
        assertThat(errors.get(2).asString())
            .isEqualTo("federation.rounds: expected an integer from 1 to 1000, found 0");
        assertThat(response.detail()).startsWith("3 problems: model.layers[0].units");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesANetworkOverTheWeightBudget() {
        TestTenant tenant = createTenant();
        String dataset = uploadDataset(tenant, "hospital-a");
        String spec = spec(participants(dataset), 5, 32, 4096).replace("[{\"units\":4096,\"activation\":\"relu\"}]",
                "[{\"units\":4096,\"activation\":\"relu\"},{\"units\":4096,\"activation\":\"relu\"}]");
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(), spec);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        long weights = 3L * 4096 + 4096 + 4096L * 4096 + 4096 + 4096L * 2 + 2;
        assertThat(response.detail()).isEqualTo("model.layers: expected a network of at most 10000000 weights "
                + "(aimass.api.max-model-parameters) for 3 inputs and 2 classes, found " + weights);
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesParticipantsWhoseSchemasDiffer() {
        TestTenant tenant = createTenant();
        String first = uploadDataset(tenant, "hospital-a");
        ApiClient.Response other = api().uploadDataset(tenant.adminToken(), "hospital-c", "label",
                "age,weight,label\n30,70,yes\n40,80,no\n".getBytes(StandardCharsets.UTF_8));
        String second = other.body().get("id").asString();
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(participants(first, second), 5, 32, 16));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail())
            .startsWith("federation.participants[1].datasetId: expected a dataset with the "
                    + "schema of the first participant's, found dataset \"hospital-c\" that differs")
            .contains("\"weight\" (numeric)");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesAnUnknownFieldNamingIt() {
        TestTenant tenant = createTenant();
        String dataset = uploadDataset(tenant, "hospital-a");
        String spec = spec(participants(dataset), 5, 32, 16).replace("\"epochs\":1", "\"epochz\":1");
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(), spec);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).startsWith("training.epochz: expected only the fields");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesMalformedAndEmptyBodies() {
        TestTenant tenant = createTenant();
        ApiClient.Response malformed = api().post("/api/v1/jobs", tenant.adminToken(), "{\"kind\":\"federated\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("invalid_input");
        assertThat(malformed.detail()).contains("expected well-formed JSON, found a syntax error");
        ApiClient.Response empty = api().post("/api/v1/jobs", tenant.adminToken(), "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("invalid_input");
        assertThat(empty.detail()).isEqualTo("request body: expected a JSON object, found none");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void viewersReadJobsButMayNotSubmitThem() {
        TestTenant tenant = createTenant();
        String viewer = createUser(tenant, "VIEWER");
        String dataset = uploadDataset(tenant, "hospital-a");
        ApiClient.Response response = api().post("/api/v1/jobs", viewer, spec(participants(dataset), 5, 32, 16));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(response.detail()).startsWith("role VIEWER: may not POST /api/v1/jobs");
        assertThat(jobCount(tenant)).isZero();
        assertThat(api().get("/api/v1/jobs", viewer).status()).isEqualTo(200);
    }

    @Test
    void cancelsAQueuedJobAtOnce() {
        TestTenant tenant = createTenant();
        String id = submitJob(tenant);
        ApiClient.Response cancelled = api().post("/api/v1/jobs/" + id + "/cancel", tenant.adminToken(), "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().get("cancelRequested").asBoolean()).isTrue();
        assertThat(cancelled.body().get("errorMessage").asString()).isEqualTo("cancelled on request");
        assertThat(cancelled.body().get("finishedAt").isNull()).isFalse();
        ApiClient.Response again = api().post("/api/v1/jobs/" + id + "/cancel", tenant.adminToken(), "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("invalid_state");
        assertThat(again.detail()).isEqualTo("status: expected QUEUED or RUNNING to cancel the job, found CANCELLED");
    }

    @Test
    void viewersMayNotCancel() {
        TestTenant tenant = createTenant();
        String id = submitJob(tenant);
        ApiClient.Response response = api().post("/api/v1/jobs/" + id + "/cancel", createUser(tenant, "VIEWER"), "");
        assertThat(response.status()).isEqualTo(403);
        assertThat(this.jdbc.queryForObject("SELECT status FROM jobs WHERE id = ?", String.class, UUID.fromString(id)))
            .isEqualTo("QUEUED");
    }

    @Test
    void roundsShowEachParticipantsMetrics() {
        TestTenant tenant = createTenant();
        String id = submitJob(tenant);
        insertRound(id, 1, 0.52, 0.91);
        insertRound(id, 2, 0.31, 0.95);
        ApiClient.Response response = api().get("/api/v1/jobs/" + id + "/rounds", createUser(tenant, "VIEWER"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("totalItems").asLong()).isEqualTo(2);
        JsonNode second = response.body().get("items").get(1);
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(second.get("participantsAnswered").asInt()).isEqualTo(2);
        assertThat(second.get("meanLoss").asDouble()).isEqualTo(0.31);
        assertThat(second.get("validationAccuracy").asDouble()).isEqualTo(0.95);
        JsonNode participant = second.get("participants").get(1);
        assertThat(participant.get("participant").asString()).isEqualTo("hospital-b");
        assertThat(participant.get("exampleCount").asLong()).isEqualTo(120);
        assertThat(participant.get("validationCount").asLong()).isEqualTo(30);
        assertThat(participant.get("loss").asDouble()).isEqualTo(0.4);
        assertThat(participant.get("validationAccuracy").asDouble()).isEqualTo(0.9);
        ApiClient.Response page = api().get("/api/v1/jobs/" + id + "/rounds?page=1&size=1", tenant.adminToken());
        assertThat(page.body().get("items")).hasSize(1);
        assertThat(page.body().get("items").get(0).get("round").asInt()).isEqualTo(2);
        assertThat(page.body().get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void aSucceededJobNamesTheModelVersionItPublished() {
        TestTenant tenant = createTenant();
        String id = submitJob(tenant);
        ModelRegistry.PublishedVersion published = this.registry.publishVersion(tenant.id(), "breast-cancer",
                new ModelRegistry.NewVersion(UUID.fromString(id), "a".repeat(64), "{}", "{}", "{}", "b".repeat(64)),
                "production");
        this.jdbc.update(
                "UPDATE jobs SET status = 'SUCCEEDED', completed_rounds = total_rounds, "
                        + "model_version_id = ?, started_at = now(), finished_at = now() WHERE id = ?",
                published.versionId(), UUID.fromString(id));
        ApiClient.Response response = api().get("/api/v1/jobs/" + id, tenant.adminToken());
        assertThat(response.body().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(response.body().get("roundsCompleted").asInt()).isEqualTo(5);
        assertThat(response.body().get("modelVersion").get("modelName").asString()).isEqualTo("breast-cancer");
        assertThat(response.body().get("modelVersion").get("version").asInt()).isEqualTo(1);
        assertThat(response.body().get("finishedAt").isNull()).isFalse();
    }

    private String submitJob(TestTenant tenant) {
        String dataset = uploadDataset(tenant, uniqueName("d"));
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(participants(dataset), 5, 32, 16));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private String uploadDataset(TestTenant tenant, String name) {
        return uploadDataset(tenant, name, CSV);
    }

    private String uploadDataset(TestTenant tenant, String name, String csv) {
        ApiClient.Response response = api().uploadDataset(tenant.adminToken(), name, "label",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private static String participants(String... datasetIds) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < datasetIds.length; i++) {
            json.append((i > 0) ? "," : "")
                .append("{\"name\":\"hospital-")
                .append((char) ('a' + i))
                .append("\",\"datasetId\":\"")
                .append(datasetIds[i])
                .append("\"}");
        }
        return json.append(']').toString();
    }

    static String spec(String participants, int rounds, int batchSize, int units) {
        return """
                {"kind":"federated",
                 "model":{"layers":[{"units":%d,"activation":"relu"}],"outputActivation":"softmax"},
                 "training":{"epochs":1,"batchSize":%d,"learningRate":0.01,"optimizer":"adam","seed":42,
                             "validationFraction":0.2},
                 "federation":{"participants":%s,"rounds":%d,"strategy":"fedavg"},
                 "publish":{"modelName":"breast-cancer","alias":"production"}}
                """.formatted(units, batchSize, participants, rounds);
    }

}
