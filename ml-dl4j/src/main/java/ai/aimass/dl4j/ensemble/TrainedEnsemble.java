package ai.aimass.dl4j.ensemble;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import ai.aimass.ml.ensemble.EnsembleCombiner;

/**
 * A trained ensemble: its members in index order, the combiner that joins them, the
 * members' reports and the ensemble's metrics.
 * <p>
 * Immutable and safe to use from many threads.
 */
public final class TrainedEnsemble {

    private final String method;

    private final List<EnsembleMember> members;

    private final EnsembleCombiner combiner;

    private final List<MemberReport> reports;

    private final Map<String, Object> metrics;

    /**
     * Creates an ensemble.
     * @param method the ensemble method
     * @param members the members in index order, at least one
     * @param combiner the combiner, valid for the members
     * @param reports one report per member, in index order
     * @param metrics the ensemble's metrics
     */
    public TrainedEnsemble(String method, List<EnsembleMember> members, EnsembleCombiner combiner,
            List<MemberReport> reports, Map<String, Object> metrics) {
        this.method = Objects.requireNonNull(method, "method");
        this.members = List.copyOf(members);
        this.combiner = Objects.requireNonNull(combiner, "combiner");
        this.reports = List.copyOf(reports);
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(metrics)));
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("members: expected at least 1, found none");
        }
        combiner.validate("combiner", this.members.size(), this.members.get(0).classCount());
    }

    /**
     * Returns the SHA-256 over the parameters of every member, in member order, then the
     * combiner's: per member its inputs as little-endian int32 and its
     * {@link EnsembleMember#parameterBytes()}, then {@link EnsembleCombiner#numbers()} as
     * little-endian float64. The same ensemble always gives the same digest; it is the
     * {@code weightsSha256} of the ensemble's bundle.
     * @return 64 lower-case hex digits
     */
    public String digest() {
        return digest(this.members, this.combiner);
    }

    /**
     * Computes the digest that {@link #digest()} describes.
     * @param members the members in index order
     * @param combiner the combiner
     * @return 64 lower-case hex digits
     */
    public static String digest(List<EnsembleMember> members, EnsembleCombiner combiner) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
        for (EnsembleMember member : members) {
            sha256.update(member.inputBytes());
            sha256.update(member.parameterBytes());
        }
        double[] numbers = combiner.numbers();
        ByteBuffer buffer = ByteBuffer.allocate(numbers.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(numbers);
        sha256.update(buffer.array());
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Returns the ensemble's metrics (see {@link EnsembleTrainer} for the keys).
     * @return the metrics, keys sorted
     */
    public Map<String, Object> metrics() {
        return this.metrics;
    }

    /**
     * Returns the members' reports.
     * @return one report per member, in index order
     */
    public List<MemberReport> members() {
        return this.reports;
    }

    /**
     * Returns the trained members.
     * @return the members in index order
     */
    public List<EnsembleMember> memberModels() {
        return this.members;
    }

    /**
     * Returns the combiner.
     * @return the combiner
     */
    public EnsembleCombiner combiner() {
        return this.combiner;
    }

    /**
     * Returns the ensemble method.
     * @return {@code bagging}, {@code adaboost}, {@code stacking} or {@code voting}
     */
    public String method() {
        return this.method;
    }

    /**
     * Returns the number of classes.
     * @return C
     */
    public int classCount() {
        return this.members.get(0).classCount();
    }

    /**
     * Predicts the ensemble's class probabilities.
     * @param encodedRows rows encoded by the job's preprocessor
     * @return per row, the probability of each class
     */
    public double[][] predictProbabilities(double[][] encodedRows) {
        return combine(this.combiner, memberProbabilities(this.members, encodedRows), encodedRows.length);
    }

    /**
     * Returns every member's probabilities.
     * @param members the members
     * @param encodedRows the rows
     * @return per member, per row, the probability of each class
     */
    public static double[][][] memberProbabilities(List<EnsembleMember> members, double[][] encodedRows) {
        double[][][] probabilities = new double[members.size()][][];
        for (int k = 0; k < probabilities.length; k++) {
            probabilities[k] = members.get(k).predictProbabilities(encodedRows);
        }
        return probabilities;
    }

    static double[][] combine(EnsembleCombiner combiner, double[][][] memberProbabilities, int rowCount) {
        return (rowCount == 0) ? new double[0][] : combiner.combineAll(memberProbabilities);
    }

}
