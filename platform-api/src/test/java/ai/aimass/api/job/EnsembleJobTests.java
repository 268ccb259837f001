package ai.aimass.api.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import ai.aimass.ml.spec.JobSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submitting ensemble jobs: what is queued, and every refusal the spec or the data calls
 * for, each naming the field and leaving no job behind.
 */
class EnsembleJobTests extends ApiTestSupport {

    private static final String CSV = "age,city,label\n30,Oslo,yes\n40,Bergen,no\n50,Oslo,no\n35,Oslo,yes\n"
            + "45,Bergen,yes\n55,Oslo,yes\n60,Bergen,yes\n65,Oslo,no\n";

    private static final String MEMBERS = """
            [{"type":"mlp","layers":[{"units":8,"activation":"relu"}]},{"type":"logistic"},
             {"type":"tree","maxDepth":3}]""";

    @Test
    void queuesACentralisedVotingEnsembleWithOneStepPerMember() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        String spec = spec("\"method\":\"voting\",\"datasetId\":\"" + dataset + "\",\"members\":" + MEMBERS
                + ",\"voting\":\"hard\",\"weights\":[1,2,0.5],\"bias\":[0,0.1]");
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(), spec);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode job = response.body();
        assertThat(job.get("kind").asString()).isEqualTo("ensemble");
        assertThat(job.get("totalRounds").asInt()).isEqualTo(3);
        assertThat(job.get("spec").path("model").isNull() || job.get("spec").path("model").isMissingNode()).isTrue();
        assertThat(job.get("spec").path("federation").isNull() || job.get("spec").path("federation").isMissingNode())
            .isTrue();
        assertThat(job.get("spec").get("ensemble").get("members").get(2).get("maxDepth").asInt()).isEqualTo(3);
        String stored = this.jdbc.queryForObject("SELECT spec_json FROM jobs WHERE id = ?", String.class,
                UUID.fromString(job.get("id").asString()));
        assertThat(JobSpec.fromJson(stored)).isEqualTo(JobSpec.fromJson(spec));
    }

    @Test
    void countsMemberKindsTimesParticipantsForAFederatedEnsemble() {
        TestTenant tenant = createTenant();
        String first = upload(tenant, "hospital-a", CSV);
        String second = upload(tenant, "hospital-b", CSV);
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"stacking\",\"participants\":[{\"name\":\"a\",\"datasetId\":\"" + first
                        + "\"},{\"name\":\"b\",\"datasetId\":\"" + second + "\"}],\"members\":" + MEMBERS));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.body().get("totalRounds").asInt()).isEqualTo(6);
    }

    @Test
    void refusesNoMembersAndMoreThanTheConfiguredMaximum() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        ApiClient.Response none = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"bagging\",\"datasetId\":\"" + dataset + "\",\"size\":0"));
        ApiClient.Response tooMany = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"adaboost\",\"datasetId\":\"" + dataset + "\",\"size\":51"));
        ApiClient.Response noKinds = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"voting\",\"datasetId\":\"" + dataset + "\",\"members\":[]"));
        assertInvalid(none, "ensemble.size: expected an integer from 1 to 50, found 0");
        assertInvalid(tooMany, "ensemble.size: expected an integer from 1 to 50, found 51");
        assertThat(noKinds.status()).isEqualTo(400);
        assertThat(errors(noKinds)).contains("ensemble.members: expected at least 1 member kind, found none");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void aSingleClassDatasetNeverReachesAdaBoost() {
        TestTenant tenant = createTenant();
        ApiClient.Response upload = api().uploadDataset(tenant.adminToken(), "all-yes", "label",
                "age,city,label\n30,Oslo,yes\n40,Bergen,yes\n50,Oslo,yes\n".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.detail())
            .isEqualTo("labelColumn: label column \"label\" must have at least 2 classes, " + "found 1 (\"yes\")");
        assertThat(
                this.jdbc.queryForObject("SELECT count(*) FROM datasets WHERE tenant_id = ?", Long.class, tenant.id()))
            .isZero();
    }

    @Test
    void refusesAdaBoostOnAStoredDatasetWhoseProfileHasOneClass() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        // A profile of one class, as a dataset stored before the upload check would have.
        String profile = this.jdbc.queryForObject("SELECT statistics_json FROM datasets WHERE id = ?", String.class,
                UUID.fromString(dataset));
        String oneClass = profile.replace("\"labelClasses\":[\"no\",\"yes\"]", "\"labelClasses\":[\"yes\"]")
            .replaceFirst("\"no\":\\d+,", "");
        assertThat(oneClass).isNotEqualTo(profile);
        this.jdbc.update("UPDATE datasets SET statistics_json = ? WHERE id = ?", oneClass, UUID.fromString(dataset));
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"adaboost\",\"datasetId\":\"" + dataset + "\",\"size\":5"));
        assertInvalid(response, "ensemble.datasetId: expected data with at least 2 classes of \"label\" for adaboost, "
                + "whose members learn to tell classes apart, found 1 (\"yes\")");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesAdaBoostAcrossParticipants() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"adaboost\",\"participants\":[{\"name\":\"a\",\"datasetId\":\"" + dataset + "\"}]"));
        assertInvalid(response, "ensemble.participants: expected none for adaboost, which reweights every row after "
                + "every stage and so needs one dataset, found 1");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesStackingWithMoreFoldsThanTrainingRowsOfAClass() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(), spec(
                "\"method\":\"stacking\",\"datasetId\":\"" + dataset + "\",\"members\":" + MEMBERS + ",\"folds\":3"));
        // 3 rows of "no": one is held out for validation, two are left for the folds.
        assertInvalid(response, "ensemble.folds: expected at most 2 folds, the training rows of class \"no\" in "
                + "dataset \"clinic\" (after holding out training.validationFraction 0.2), found 3");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesVotingWeightsOfTheWrongCountNegativeOrAllZero() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        String voting = "\"method\":\"voting\",\"datasetId\":\"" + dataset + "\",\"members\":" + MEMBERS;
        ApiClient.Response wrongCount = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(voting + ",\"weights\":[1,1]"));
        ApiClient.Response negative = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(voting + ",\"weights\":[1,-0.5,1]"));
        ApiClient.Response allZero = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(voting + ",\"weights\":[0,0,0]"));
        ApiClient.Response biasPerClass = api().post("/api/v1/jobs", tenant.adminToken(),
                spec(voting + ",\"weights\":[1,1,1],\"bias\":[0.1,0.2,0.3]"));
        assertInvalid(wrongCount, "ensemble.weights: expected one weight per member (3), found 2");
        assertInvalid(negative, "ensemble.weights[1]: expected a number from 0 to 1000000, found -0.5");
        assertInvalid(allZero, "ensemble.weights: expected at least one weight greater than 0, found all zero");
        assertInvalid(biasPerClass, "ensemble.bias: expected one value per class (2: no, yes), found 3");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesAMemberThatCannotTrainOnTheDatasShape() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        ApiClient.Response unknownColumn = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"bagging\",\"datasetId\":\"" + dataset
                        + "\",\"members\":[{\"type\":\"tree\",\"features\":[\"age\",\"weight\"]}]"));
        ApiClient.Response labelColumn = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"bagging\",\"datasetId\":\"" + dataset
                        + "\",\"members\":[{\"type\":\"logistic\",\"features\":[\"label\"]}]"));
        ApiClient.Response treeWithLayers = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"bagging\",\"datasetId\":\"" + dataset
                        + "\",\"members\":[{\"type\":\"tree\",\"layers\":[{\"units\":4}]}]"));
        assertInvalid(unknownColumn, "ensemble.members[0].features[1]: expected a feature column of the data (age, "
                + "city), found \"weight\"");
        assertInvalid(labelColumn, "ensemble.members[0].features[0]: expected a feature column of the data (age, "
                + "city), not the label column, found \"label\"");
        assertInvalid(treeWithLayers, "ensemble.members[0].layers: expected no layers for a \"tree\" member (only mlp "
                + "has hidden layers), found 1");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesMoreNetworkWeightsInAllThanTheBudget() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        // 4096-unit layers: 4 inputs (age, two cities, ...) are few, but the layers' own
        // weights add up over 20 members.
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"bagging\",\"datasetId\":\"" + dataset + "\",\"size\":20,\"members\":[{\"type\":"
                        + "\"mlp\",\"layers\":[{\"units\":4096},{\"units\":4096}]}]"));
        long perMember = 3L * 4096 + 4096 + 4096L * 4096 + 4096 + 4096L * 2 + 2;
        assertInvalid(response, "ensemble.members: expected at most 10000000 network weights in all "
                + "(aimass.api.max-model-parameters), found " + (20 * perMember) + " in 20 members");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void refusesStackingWhenAClassKeepsFewerThanTwoTrainingRows() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "small",
                "age,city,label\n30,Oslo,yes\n40,Bergen,no\n50,Oslo,yes\n" + "35,Oslo,yes\n45,Bergen,yes\n");
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"stacking\",\"datasetId\":\"" + dataset + "\",\"folds\":2"));
        // "no" has a single row, which the validation split keeps for training: no
        // fraction helps.
        assertInvalid(response,
                "ensemble.datasetId: expected at least 2 training rows of every class for "
                        + "stacking's folds, found 1 of class \"no\" in dataset \"small\" after holding out "
                        + "training.validationFraction 0.2; no fraction leaves 2 of its 1 rows for training; add rows "
                        + "of that class or use another method");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void advisesALowerValidationFractionWhereOneWouldLeaveEnoughTrainingRows() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "halved", "age,city,label\n30,Oslo,yes\n40,Bergen,no\n50,Oslo,yes\n"
                + "35,Oslo,yes\n45,Bergen,no\n55,Oslo,yes\n60,Oslo,yes\n65,Oslo,yes\n");
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"stacking\",\"datasetId\":\"" + dataset + "\",\"folds\":2")
                    .replace("\"validationFraction\":0.2", "\"validationFraction\":0.5"));
        // Half of "no"'s 2 rows are held out; a lower fraction would hold out none of
        // them.
        assertInvalid(response,
                "ensemble.datasetId: expected at least 2 training rows of every class for "
                        + "stacking's folds, found 1 of class \"no\" in dataset \"halved\" after holding out "
                        + "training.validationFraction 0.5; lower the fraction or use another method");
        assertThat(jobCount(tenant)).isZero();
    }

    @Test
    void aDatasetOfAnotherTenantIsAnsweredLikeAnUnknownOne() {
        TestTenant tenant = createTenant();
        TestTenant other = createTenant();
        String foreign = upload(other, "clinic", CSV);
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(),
                spec("\"method\":\"bagging\",\"datasetId\":\"" + foreign + "\""));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.detail())
            .isEqualTo("ensemble.datasetId: expected a dataset of your tenant, found none with id " + foreign);
        assertThat(jobCount(tenant)).isZero();
        assertThat(jobCount(other)).isZero();
    }

    @Test
    void refusesBlocksOfTheOtherKind() {
        TestTenant tenant = createTenant();
        String dataset = upload(tenant, "clinic", CSV);
        ApiClient.Response response = api().post("/api/v1/jobs", tenant.adminToken(), """
                {"kind":"ensemble","model":{"layers":[]},
                 "ensemble":{"method":"bagging","datasetId":"%s"},"publish":{"modelName":"m"}}
                """.formatted(dataset));
        assertInvalid(response, "model: expected no model block for an ensemble job (members are described under "
                + "ensemble.members), found one");
        assertThat(jobCount(tenant)).isZero();
    }

    private void assertInvalid(ApiClient.Response response, String problem) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(errors(response)).containsExactly(problem);
        assertThat(response.detail()).isEqualTo(problem);
    }

    private static List<String> errors(ApiClient.Response response) {
        List<String> errors = new ArrayList<>();
        JsonNode node = response.body().get("errors");
        if (node != null) {
            node.forEach((error) -> errors.add(error.asString()));
        }
        return errors;
    }

    private String upload(TestTenant tenant, String name, String csv) {
        ApiClient.Response response = api().uploadDataset(tenant.adminToken(), name, "label",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private static String spec(String ensemble) {
        return """
                {"kind":"ensemble",
                 "training":{"epochs":2,"batchSize":8,"seed":7,"validationFraction":0.2},
                 "ensemble":{%s},
                 "publish":{"modelName":"clinic-ensemble"}}
                """.formatted(ensemble);
    }

}
