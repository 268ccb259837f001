package ai.aimass.dl4j.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ai.aimass.dl4j.TestData;
import ai.aimass.dl4j.ensemble.EncodedRows;
import ai.aimass.dl4j.ensemble.EnsembleInput;
import ai.aimass.dl4j.ensemble.EnsembleTrainer;
import ai.aimass.dl4j.ensemble.ParticipantRows;
import ai.aimass.dl4j.ensemble.TrainedEnsemble;
import ai.aimass.dl4j.predict.MemberVote;
import ai.aimass.dl4j.predict.ModelPredictor;
import ai.aimass.dl4j.predict.Prediction;
import ai.aimass.dl4j.predict.TabularPredictor;
import ai.aimass.ml.partition.TrainValidationSplit;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularRows;
import ai.aimass.ml.tabular.TabularSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class EnsembleBundleCodecTests {

    private static ExecutorService pool;

    private static TabularSchema schema;

    private static FeaturePreprocessor preprocessor;

    private static List<String> labels;

    private static TabularRows rows;

    private static TrainedEnsemble ensemble;

    private static byte[] bundle;

    @BeforeAll
    static void trainVotingEnsemble() throws InterruptedException {
        pool = Executors.newFixedThreadPool(2);
        CsvTable table = TestData.breastCancer();
        DatasetProfile profile = DatasetProfiler.profile(table, "diagnosis");
        schema = profile.schema();
        labels = schema.labelClasses();
        preprocessor = FeaturePreprocessor.combine(schema, List.of(profile));
        rows = TabularRows.of(table, schema, labels);
        EncodedRows encoded = new EncodedRows(preprocessor.encodeAll(rows.featureCells()), rows.labelIndexes());
        TrainValidationSplit.Split split = TrainValidationSplit.split(encoded.labels(), 0.2, 3);
        ParticipantRows part = new ParticipantRows("bc", subset(encoded, split.trainRows()),
                subset(encoded, split.validationRows()));
        List<MemberSpec> members = List.of(
                new MemberSpec(MemberSpec.TYPE_MLP, List.of(new LayerSpec(8, "relu")), null, null, null, null),
                new MemberSpec(MemberSpec.TYPE_TREE, null, 3, 2, null, null), new MemberSpec(MemberSpec.TYPE_LOGISTIC,
                        null, null, null, List.of("worst_radius", "mean_texture"), null));
        EnsembleSpec spec = new EnsembleSpec(EnsembleSpec.METHOD_VOTING, UUID.randomUUID(), null, members, null, null,
                null, "soft", null, null);
        TrainingSpec training = new TrainingSpec(5, 32, 0.01, "adam", 3L, 0.2);
        ensemble = new EnsembleTrainer(pool).train(
                new EnsembleInput(spec, training, preprocessor, labels, List.of(part)), (completed, total, report) -> {
                });
        bundle = write(ensemble);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void writesTheSameBytesForTheSameEnsemble() {
        assertThat(write(ensemble)).isEqualTo(bundle);
        assertThat(entryNames(bundle)).containsExactly("manifest.json", "members/000.f32", "members/001.tree.json",
                "members/002.f32");
    }

    @Test
    void predictsAfterRoundTripAsTheTrainedEnsembleWithEachMembersVote() {
        ModelPredictor predictor = ModelBundles.readPredictor(bundle);
        assertThat(predictor.manifest().weightsSha256()).isEqualTo(ensemble.digest());
        assertThat(predictor.manifest().ensemble().members()).extracting((member) -> member.weight())
            .containsExactly(ensemble.combiner().weights()[0], ensemble.combiner().weights()[1],
                    ensemble.combiner().weights()[2]);
        List<List<Object>> values = new ArrayList<>();
        for (int row = 0; row < 20; row++) {
            values.add(new ArrayList<>(rows.featureCells().get(row).stream().map(Double::parseDouble).toList()));
        }
        List<Prediction> explained = predictor.predictRows(values, true);
        double[][] encoded = preprocessor.encodeAll(rows.featureCells().subList(0, 20));
        double[][] expected = ensemble.predictProbabilities(encoded);
        double[][] tree = ensemble.memberModels().get(1).predictProbabilities(encoded);
        for (int row = 0; row < 20; row++) {
            Prediction prediction = explained.get(row);
            assertThat(prediction.probabilities()).containsExactly(expected[row], within(1e-12));
            assertThat(prediction.members()).hasSize(3);
            MemberVote vote = prediction.members().get(1);
            assertThat(vote.index()).isEqualTo(1);
            assertThat(vote.type()).isEqualTo("tree");
            assertThat(vote.participant()).isNull();
            assertThat(vote.probabilities()).containsExactly(tree[row]);
            assertThat(vote.label()).isEqualTo(labels.get(tree[row][0] >= tree[row][1] ? 0 : 1));
            assertThat(vote.weight()).isEqualTo(ensemble.combiner().weights()[1]);
        }
        assertThat(predictor.predictRows(values, false)).allSatisfy((p) -> assertThat(p.members()).isNull());
        float[][] raw = new float[1][];
        raw[0] = new float[values.get(0).size()];
        for (int i = 0; i < raw[0].length; i++) {
            raw[0][i] = ((Double) values.get(0).get(i)).floatValue();
        }
        assertThat(predictor.predictRaw(raw, true).get(0).label()).isEqualTo(explained.get(0).label());
    }

    @Test
    void stillReadsSingleNetworkBundles() {
        ModelBundle network = ai.aimass.dl4j.TestBundles.logistic(1);
        assertThat(ModelBundles.readPredictor(BundleCodec.write(network))).isInstanceOf(TabularPredictor.class);
    }

    @Test
    void rejectsAMemberEntryThatWasChanged() {
        byte[] corrupt = rewrite(bundle, "members/001.tree.json",
                (json) -> new String(json, StandardCharsets.UTF_8)
                    .replaceFirst("\"threshold\":[-0-9.E]+", "\"threshold\":0.5")
                    .getBytes(StandardCharsets.UTF_8));
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> ModelBundles.readPredictor(corrupt))
            .withMessageStartingWith("members/001.tree.json: expected the SHA-256 ")
            .withMessageContaining(" recorded in the manifest, found ");
    }

    @Test
    void rejectsAManifestWhoseDigestDoesNotMatch() {
        byte[] corrupt = rewrite(bundle, "manifest.json",
                (json) -> new String(json, StandardCharsets.UTF_8).replace(ensemble.digest(), "0".repeat(64))
                    .getBytes(StandardCharsets.UTF_8));
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> ModelBundles.readPredictor(corrupt))
            .withMessage("manifest.weightsSha256: expected " + ensemble.digest()
                    + " as the members and combiner give, found " + "0".repeat(64));
    }

    @Test
    void rejectsAMissingMemberAndAWeightThatDisagreesWithTheCombiner() {
        byte[] missing = rewrite(bundle, "members/002.f32", null);
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> ModelBundles.readPredictor(missing))
            .withMessage("manifest.ensemble.members[2].entry: expected the entry members/002.f32 in the bundle, "
                    + "found none");
        String weight = Double.toString(ensemble.combiner().weights()[0]);
        byte[] reweighted = rewrite(bundle, "manifest.json",
                (json) -> new String(json, StandardCharsets.UTF_8).replace("\"sha256\":", "\"sha256\":")
                    .replaceFirst("\"weight\":" + java.util.regex.Pattern.quote(weight), "\"weight\":7.0")
                    .getBytes(StandardCharsets.UTF_8));
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> ModelBundles.readPredictor(reweighted))
            .withMessage(
                    "manifest.ensemble.members[0].weight: expected " + weight + " as the combiner gives, found 7.0");
    }

    @Test
    void refusesAnEnsembleWhereASingleNetworkIsExpected() {
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> BundleCodec.read(bundle))
            .withMessage("bundle: expected a single network, found an ensemble of 3 members; read it with "
                    + "ModelBundles.readPredictor");
    }

    private static byte[] write(TrainedEnsemble trained) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("seed", 3);
        return EnsembleBundleCodec.write("bc-voting", schema, preprocessor, labels, trained.metrics(), provenance,
                trained);
    }

    private static EncodedRows subset(EncodedRows encoded, int[] indexes) {
        double[][] features = new double[indexes.length][];
        int[] classes = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            features[i] = encoded.features()[indexes[i]];
            classes[i] = encoded.labels()[indexes[i]];
        }
        return new EncodedRows(features, classes);
    }

    private static List<String> entryNames(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return names;
    }

    /** Copies a zip, changing one entry (or dropping it when the change is null). */
    private static byte[] rewrite(byte[] zip, String name, UnaryOperator<byte[]> change) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    if (change == null) {
                        continue;
                    }
                    content = change.apply(content);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return bytes.toByteArray();
    }

}
