package ai.aimass.dl4j.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipOutputStream;

import ai.aimass.dl4j.ensemble.EnsembleMember;
import ai.aimass.dl4j.ensemble.TrainedEnsemble;
import ai.aimass.dl4j.network.NetworkFactory;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.bundle.EnsembleManifest;
import ai.aimass.ml.bundle.EnsembleMemberManifest;
import ai.aimass.ml.ensemble.EnsembleCombiner;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.tabular.TabularSchema;
import ai.aimass.ml.tree.DecisionTree;
import ai.aimass.ml.weights.WeightVectors;

/**
 * Writes and reads ensemble bundles: a zip archive holding {@code manifest.json} (a
 * {@link BundleManifest} with an {@link EnsembleManifest}, which carries the combiner's
 * numbers and each member's description) and one entry per member,
 * {@code members/NNN.f32} (a network's weights, little-endian float32) or
 * {@code members/NNN.tree.json} (a tree's nodes, see {@link DecisionTree}).
 * <p>
 * Writing is deterministic, as for {@link BundleCodec}. The manifest's
 * {@code weightsSha256} is {@link TrainedEnsemble#digest()}. Reading checks every member
 * entry against its recorded SHA-256 and its architecture, the combiner against the
 * member and class counts, each member's weight against the combiner and the whole
 * ensemble against {@code weightsSha256}; any failure is an
 * {@link InvalidBundleException}.
 */
public final class EnsembleBundleCodec {

    /** The folder of the member entries. */
    public static final String MEMBERS_FOLDER = "members/";

    private EnsembleBundleCodec() {
    }

    /**
     * Writes an ensemble bundle.
     * @param modelName the model name
     * @param schema the input schema
     * @param preprocessor the feature encoding the ensemble was trained with
     * @param labels the classes in output order
     * @param metrics the metrics to store, such as {@link TrainedEnsemble#metrics()}
     * @param provenance what made the ensemble
     * @param ensemble the trained ensemble
     * @return the zip bytes
     */
    public static byte[] write(String modelName, TabularSchema schema, FeaturePreprocessor preprocessor,
            List<String> labels, Map<String, Object> metrics, Map<String, Object> provenance,
            TrainedEnsemble ensemble) {
        if (labels.size() != ensemble.classCount()) {
            throw new IllegalArgumentException("labels: expected " + ensemble.classCount()
                    + " as the ensemble has classes, found " + labels.size());
        }
        List<EnsembleMemberManifest> described = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (EnsembleMember member : ensemble.memberModels()) {
            byte[] content = member.parameterBytes();
            contents.add(content);
            described.add(new EnsembleMemberManifest(member.index(), member.type(), member.participant(), member.seed(),
                    Arrays.stream(member.inputs()).boxed().toList(), member.model(), entryName(member),
                    WeightVectors.sha256(content), ensemble.combiner().memberWeight(member.index())));
        }
        EnsembleManifest description = new EnsembleManifest(ensemble.method(), described, ensemble.combiner());
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, modelName, schema, preprocessor,
                labels, null, ensemble.digest(), metrics, provenance, description);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            BundleCodec.putEntry(zip, BundleCodec.MANIFEST_ENTRY, manifest.toJson());
            for (int k = 0; k < contents.size(); k++) {
                BundleCodec.putEntry(zip, described.get(k).entry(), contents.get(k));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads and checks an ensemble bundle.
     * @param bytes the zip bytes
     * @return the bundle
     * @throws InvalidBundleException when the bytes are not a valid ensemble bundle
     */
    public static EnsembleBundle read(byte[] bytes) {
        Map<String, byte[]> entries = BundleCodec.readEntries(bytes);
        return read(BundleCodec.readManifest(BundleCodec.requireEntry(entries, BundleCodec.MANIFEST_ENTRY)), entries);
    }

    static EnsembleBundle read(BundleManifest manifest, Map<String, byte[]> entries) {
        EnsembleManifest description = manifest.ensemble();
        if (description == null) {
            throw new InvalidBundleException("manifest.ensemble: expected an ensemble description, found none");
        }
        int classCount = manifest.labels().size();
        int inputWidth = manifest.inputWidth();
        List<EnsembleMemberManifest> described = description.members();
        if (described.isEmpty()) {
            throw new InvalidBundleException("manifest.ensemble.members: expected at least 1 member, found none");
        }
        requireCombiner(description, described.size(), classCount);
        List<EnsembleMember> members = new ArrayList<>();
        for (int k = 0; k < described.size(); k++) {
            members.add(readMember(k, described.get(k), entries, inputWidth, classCount, description.combiner()));
        }
        String digest = TrainedEnsemble.digest(members, description.combiner());
        if (!digest.equals(manifest.weightsSha256())) {
            throw new InvalidBundleException("manifest.weightsSha256: expected " + digest
                    + " as the members and combiner give, found " + manifest.weightsSha256());
        }
        return new EnsembleBundle(manifest, members);
    }

    private static void requireCombiner(EnsembleManifest description, int memberCount, int classCount) {
        if (!EnsembleSpec.METHODS.contains(description.method())) {
            throw new InvalidBundleException("manifest.ensemble.method: expected one of "
                    + String.join(", ", EnsembleSpec.METHODS) + ", found \"" + description.method() + "\"");
        }
        String expectedKind = switch (description.method()) {
            case EnsembleSpec.METHOD_BAGGING -> EnsembleCombiner.KIND_MEAN;
            case EnsembleSpec.METHOD_ADABOOST -> EnsembleCombiner.KIND_SAMME;
            case EnsembleSpec.METHOD_STACKING -> EnsembleCombiner.KIND_STACKING;
            default -> EnsembleCombiner.KIND_VOTING;
        };
        if (!expectedKind.equals(description.combiner().kind())) {
            throw new InvalidBundleException("manifest.ensemble.combiner.kind: expected " + expectedKind + " for "
                    + description.method() + ", found " + description.combiner().kind());
        }
        try {
            description.combiner().validate("manifest.ensemble.combiner", memberCount, classCount);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidBundleException(ex.getMessage(), ex);
        }
    }

    private static EnsembleMember readMember(int k, EnsembleMemberManifest member, Map<String, byte[]> entries,
            int inputWidth, int classCount, EnsembleCombiner combiner) {
        String path = "manifest.ensemble.members[" + k + "]";
        if (member.index() != k) {
            throw new InvalidBundleException(path + ".index: expected " + k + ", found " + member.index());
        }
        int[] inputs = requireInputs(path, member.inputs(), inputWidth);
        if (Double.compare(member.weight(), combiner.memberWeight(k)) != 0) {
            throw new InvalidBundleException(path + ".weight: expected " + combiner.memberWeight(k)
                    + " as the combiner gives, found " + member.weight());
        }
        byte[] content = entries.get(member.entry());
        if (content == null) {
            throw new InvalidBundleException(
                    path + ".entry: expected the entry " + member.entry() + " in the bundle, found none");
        }
        String sha256 = WeightVectors.sha256(content);
        if (!sha256.equals(member.sha256())) {
            throw new InvalidBundleException(member.entry() + ": expected the SHA-256 " + member.sha256()
                    + " recorded in the manifest, found " + sha256);
        }
        if (MemberSpec.TYPE_TREE.equals(member.type())) {
            return readTree(path, member, content, inputs, classCount);
        }
        if (!MemberSpec.TYPE_MLP.equals(member.type()) && !MemberSpec.TYPE_LOGISTIC.equals(member.type())) {
            throw new InvalidBundleException(path + ".type: expected one of " + String.join(", ", MemberSpec.TYPES)
                    + ", found \"" + member.type() + "\"");
        }
        return readNetwork(path, member, content, inputs, classCount);
    }

    private static EnsembleMember readNetwork(String path, EnsembleMemberManifest member, byte[] content, int[] inputs,
            int classCount) {
        if (member.model() == null) {
            throw new InvalidBundleException(path + ".model: expected the architecture of a network, found none");
        }
        if (content.length % Float.BYTES != 0) {
            throw new InvalidBundleException(
                    member.entry() + ": expected a multiple of 4 bytes, found " + content.length + " bytes");
        }
        int expected;
        try {
            expected = NetworkFactory.parameterCount(member.model(), inputs.length, classCount);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidBundleException(path + ".model: " + ex.getMessage(), ex);
        }
        if (content.length / Float.BYTES != expected) {
            throw new InvalidBundleException(member.entry() + ": expected " + expected
                    + " weights as the member's architecture has, found " + content.length / Float.BYTES);
        }
        return EnsembleMember.network(member.index(), member.type(), member.participant(), member.seed(), inputs,
                member.model(), WeightVectors.fromBytes(content), classCount);
    }

    private static EnsembleMember readTree(String path, EnsembleMemberManifest member, byte[] content, int[] inputs,
            int classCount) {
        if (member.model() != null) {
            throw new InvalidBundleException(path + ".model: expected none for a tree, found an architecture");
        }
        try {
            DecisionTree tree = DecisionTree.fromJson(content);
            tree.validate(inputs.length, classCount);
            return EnsembleMember.tree(member.index(), member.participant(), member.seed(), inputs, tree);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidBundleException(member.entry() + ": " + ex.getMessage(), ex);
        }
    }

    private static int[] requireInputs(String path, List<Integer> inputs, int inputWidth) {
        if (inputs.isEmpty()) {
            throw new InvalidBundleException(path + ".inputs: expected at least 1 input, found none");
        }
        int[] indexes = new int[inputs.size()];
        int previous = -1;
        for (int i = 0; i < indexes.length; i++) {
            Integer input = inputs.get(i);
            if (input == null || input <= previous || input >= inputWidth) {
                throw new InvalidBundleException(path + ".inputs[" + i + "]: expected ascending inputs from 0 to "
                        + (inputWidth - 1) + ", found " + input);
            }
            indexes[i] = input;
            previous = input;
        }
        return indexes;
    }

    private static String entryName(EnsembleMember member) {
        return MEMBERS_FOLDER + String.format("%03d", member.index()) + (member.isNetwork() ? ".f32" : ".tree.json");
    }

}
