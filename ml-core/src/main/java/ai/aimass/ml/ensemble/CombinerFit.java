package ai.aimass.ml.ensemble;

import java.util.ArrayList;
import java.util.List;

import ai.aimass.ml.federated.ClientUpdate;
import ai.aimass.ml.federated.FederatedAveraging;
import ai.aimass.ml.metrics.ClassificationMetrics;

/**
 * Fits a combiner on members' outputs: the stacking meta-learner (Wolpert 1992, "Stacked
 * generalization"), a multinomial logistic regression over the members' probabilities, or
 * the voting weights a_k &ge; 0 and bias beta of f(x) = (1/K) sum_k a_k f_k(x) + beta.
 * <p>
 * Both are linear in their parameters and fitted by minimising the mean cross-entropy of
 * softmax of their scores plus an L2 penalty of 1/(2n) times the squared weights (the
 * biases are not penalised; n is the number of rows, as scikit-learn's C = 1), by
 * projected accelerated gradient descent (Beck and Teboulle 2009) from fixed starting
 * values: no randomness, so the same outputs give the same combiner. Voting starts from
 * equal weights and keeps every weight at 0 or above.
 * <p>
 * With one part the fit runs {@value #CENTRAL_ITERATIONS} iterations on it. With several
 * parts (participants) no part's rows leave it: each round, every part runs
 * {@value #LOCAL_ITERATIONS} iterations from the global parameters on its own rows and
 * the parameters are averaged with {@link FederatedAveraging}, weighted by row counts,
 * for {@value #FEDERATED_ROUNDS} rounds. A part without rows is skipped.
 */
public final class CombinerFit {

    /** Iterations of a centralised fit. */
    public static final int CENTRAL_ITERATIONS = 500;

    /** Rounds of a federated fit. */
    public static final int FEDERATED_ROUNDS = 50;

    /** Iterations each part runs per federated round. */
    public static final int LOCAL_ITERATIONS = 10;

    private CombinerFit() {
    }

    /**
     * Fits a stacking meta-learner.
     * @param parts each part's member outputs, at least one row in all
     * @param memberCount K
     * @param classCount C
     * @return the stacking combiner
     */
    public static EnsembleCombiner fitStacking(List<MemberScores> parts, int memberCount, int classCount) {
        Stacking model = new Stacking(memberCount * classCount, classCount);
        double[] parameters = fit(model, parts, classCount, new double[model.parameterCount()]);
        double[][] coefficients = new double[model.inputWidth][classCount];
        for (int i = 0; i < model.inputWidth; i++) {
            System.arraycopy(parameters, i * classCount, coefficients[i], 0, classCount);
        }
        double[] bias = new double[classCount];
        System.arraycopy(parameters, model.inputWidth * classCount, bias, 0, classCount);
        return EnsembleCombiner.stacking(coefficients, bias);
    }

    /**
     * Fits voting weights and bias.
     * @param parts each part's member outputs (probabilities, also for hard voting), at
     * least one row in all
     * @param voting {@code soft} or {@code hard}
     * @param memberCount K
     * @param classCount C
     * @return the voting combiner
     */
    public static EnsembleCombiner fitVoting(List<MemberScores> parts, String voting, int memberCount, int classCount) {
        List<MemberScores> votes = EnsembleCombiner.VOTING_HARD.equals(voting) ? oneHot(parts, memberCount, classCount)
                : parts;
        Voting model = new Voting(memberCount, classCount);
        double[] start = new double[model.parameterCount()];
        java.util.Arrays.fill(start, 0, memberCount, 1.0);
        double[] parameters = fit(model, votes, classCount, start);
        double[] weights = java.util.Arrays.copyOf(parameters, memberCount);
        if (java.util.Arrays.stream(weights).allMatch((weight) -> weight == 0)) {
            // Every member alone is worse than the bias: equal weights keep the members'
            // say.
            java.util.Arrays.fill(weights, 1.0);
        }
        double[] bias = java.util.Arrays.copyOfRange(parameters, memberCount, memberCount + classCount);
        return EnsembleCombiner.voting(voting, weights, bias);
    }

    private static List<MemberScores> oneHot(List<MemberScores> parts, int memberCount, int classCount) {
        List<MemberScores> votes = new ArrayList<>();
        for (MemberScores part : parts) {
            double[][] outputs = new double[part.size()][memberCount * classCount];
            for (int row = 0; row < part.size(); row++) {
                for (int k = 0; k < memberCount; k++) {
                    double[] probabilities = java.util.Arrays.copyOfRange(part.outputs()[row], k * classCount,
                            (k + 1) * classCount);
                    outputs[row][k * classCount + ClassificationMetrics.argmax(probabilities)] = 1;
                }
            }
            votes.add(new MemberScores(part.participant(), outputs, part.labels()));
        }
        return votes;
    }

    private static double[] fit(LinearModel model, List<MemberScores> parts, int classCount, double[] start) {
        List<MemberScores> present = parts.stream().filter((part) -> part.size() > 0).toList();
        int total = present.stream().mapToInt(MemberScores::size).sum();
        if (total == 0) {
            throw new IllegalArgumentException("expected at least 1 row to fit the combiner on, found none");
        }
        double penalty = 1.0 / total;
        if (present.size() == 1) {
            return descend(model, present.get(0), classCount, penalty, start, CENTRAL_ITERATIONS);
        }
        double[] global = start.clone();
        for (int round = 0; round < FEDERATED_ROUNDS; round++) {
            List<ClientUpdate> updates = new ArrayList<>();
            for (MemberScores part : present) {
                double[] local = descend(model, part, classCount, penalty, global, LOCAL_ITERATIONS);
                updates.add(new ClientUpdate(part.participant(), toFloats(local), part.size()));
            }
            float[] averaged = FederatedAveraging.aggregate(updates);
            for (int i = 0; i < global.length; i++) {
                global[i] = averaged[i];
            }
            model.project(global);
        }
        return global;
    }

    private static double[] descend(LinearModel model, MemberScores part, int classCount, double penalty,
            double[] start, int iterations) {
        double step = 1 / (0.5 * maxCurvature(model, part) + penalty);
        double[] current = start.clone();
        double[] previous = start.clone();
        double momentum = 1;
        double[] probe = new double[current.length];
        for (int iteration = 0; iteration < iterations; iteration++) {
            double nextMomentum = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
            double blend = (momentum - 1) / nextMomentum;
            for (int i = 0; i < probe.length; i++) {
                probe[i] = current[i] + blend * (current[i] - previous[i]);
            }
            double[] gradient = gradient(model, part, classCount, penalty, probe);
            System.arraycopy(current, 0, previous, 0, current.length);
            for (int i = 0; i < current.length; i++) {
                current[i] = probe[i] - step * gradient[i];
            }
            model.project(current);
            momentum = nextMomentum;
        }
        return current;
    }

    private static double maxCurvature(LinearModel model, MemberScores part) {
        double max = 0;
        for (double[] inputs : part.outputs()) {
            max = Math.max(max, model.curvature(inputs));
        }
        return max;
    }

    private static double[] gradient(LinearModel model, MemberScores part, int classCount, double penalty,
            double[] parameters) {
        double[] gradient = new double[parameters.length];
        double[] scores = new double[classCount];
        double scale = 1.0 / part.size();
        for (int row = 0; row < part.size(); row++) {
            double[] inputs = part.outputs()[row];
            model.scores(parameters, inputs, scores);
            double[] probabilities = EnsembleCombiner.softmax(scores);
            probabilities[part.labels()[row]] -= 1;
            for (int c = 0; c < classCount; c++) {
                probabilities[c] *= scale;
            }
            model.addGradient(inputs, probabilities, gradient);
        }
        for (int i = 0; i < parameters.length; i++) {
            if (model.isPenalised(i)) {
                gradient[i] += penalty * parameters[i];
            }
        }
        return gradient;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /** A model whose class scores are linear in its parameters. */
    private interface LinearModel {

        int parameterCount();

        void scores(double[] parameters, double[] inputs, double[] scores);

        /**
         * Adds the gradient of sum_c dScores[c] * scores[c] with respect to the
         * parameters.
         */
        void addGradient(double[] inputs, double[] dScores, double[] gradient);

        /** An upper bound of the squared norm of the scores' Jacobian at a row. */
        double curvature(double[] inputs);

        void project(double[] parameters);

        boolean isPenalised(int index);

    }

    /** z_c = sum_i x_i W[i][c] + b_c, parameters W row by row, then b. */
    private record Stacking(int inputWidth, int classCount) implements LinearModel {

        @Override
        public int parameterCount() {
            return (this.inputWidth + 1) * this.classCount;
        }

        @Override
        public void scores(double[] parameters, double[] inputs, double[] scores) {
            int biasOffset = this.inputWidth * this.classCount;
            for (int c = 0; c < this.classCount; c++) {
                scores[c] = parameters[biasOffset + c];
            }
            for (int i = 0; i < this.inputWidth; i++) {
                double input = inputs[i];
                for (int c = 0; c < this.classCount; c++) {
                    scores[c] += input * parameters[i * this.classCount + c];
                }
            }
        }

        @Override
        public void addGradient(double[] inputs, double[] dScores, double[] gradient) {
            int biasOffset = this.inputWidth * this.classCount;
            for (int i = 0; i < this.inputWidth; i++) {
                for (int c = 0; c < this.classCount; c++) {
                    gradient[i * this.classCount + c] += inputs[i] * dScores[c];
                }
            }
            for (int c = 0; c < this.classCount; c++) {
                gradient[biasOffset + c] += dScores[c];
            }
        }

        @Override
        public double curvature(double[] inputs) {
            double sum = 1;
            for (double input : inputs) {
                sum += input * input;
            }
            return sum;
        }

        @Override
        public void project(double[] parameters) {
        }

        @Override
        public boolean isPenalised(int index) {
            return index < this.inputWidth * this.classCount;
        }

    }

    /** z_c = (1/K) sum_k a_k x[k * C + c] + b_c, parameters a then b; a &ge; 0. */
    private record Voting(int memberCount, int classCount) implements LinearModel {

        @Override
        public int parameterCount() {
            return this.memberCount + this.classCount;
        }

        @Override
        public void scores(double[] parameters, double[] inputs, double[] scores) {
            for (int c = 0; c < this.classCount; c++) {
                scores[c] = parameters[this.memberCount + c];
            }
            for (int k = 0; k < this.memberCount; k++) {
                double share = parameters[k] / this.memberCount;
                for (int c = 0; c < this.classCount; c++) {
                    scores[c] += share * inputs[k * this.classCount + c];
                }
            }
        }

        @Override
        public void addGradient(double[] inputs, double[] dScores, double[] gradient) {
            for (int k = 0; k < this.memberCount; k++) {
                double sum = 0;
                for (int c = 0; c < this.classCount; c++) {
                    sum += dScores[c] * inputs[k * this.classCount + c];
                }
                gradient[k] += sum / this.memberCount;
            }
            for (int c = 0; c < this.classCount; c++) {
                gradient[this.memberCount + c] += dScores[c];
            }
        }

        @Override
        public double curvature(double[] inputs) {
            double sum = 0;
            for (double input : inputs) {
                sum += input * input;
            }
            return 2 * Math.max(sum / ((double) this.memberCount * this.memberCount), 1);
        }

        @Override
        public void project(double[] parameters) {
            for (int k = 0; k < this.memberCount; k++) {
                parameters[k] = Math.max(parameters[k], 0);
            }
        }

        @Override
        public boolean isPenalised(int index) {
            return index < this.memberCount;
        }

    }

}
