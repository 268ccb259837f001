package ai.aimass.dl4j.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import ai.aimass.dl4j.ensemble.MemberFitter.Fit;
import ai.aimass.dl4j.ensemble.MemberFitter.Identity;
import ai.aimass.ml.ensemble.CombinerFit;
import ai.aimass.ml.ensemble.CrossFitting;
import ai.aimass.ml.ensemble.EnsembleCombiner;
import ai.aimass.ml.ensemble.MemberScores;
import ai.aimass.ml.ensemble.Resampling;
import ai.aimass.ml.ensemble.Samme;
import ai.aimass.ml.ensemble.StratifiedFolds;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.preprocess.FeatureEncoding;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.MemberSpec;

/**
 * Trains the ensembles of {@link EnsembleSpec}: bagging, AdaBoost (SAMME), stacking and
 * voting, centralised or across participants.
 * <p>
 * Every member's seed, then the combiner's, is drawn from one {@link Random} seeded with
 * the job's seed before any member trains, so that a seed reproduces the ensemble bit for
 * bit however the pool schedules the members. Members train in parallel on the pool
 * (bagging, voting, stacking's fold fits); AdaBoost's stages run one after another on the
 * calling thread. The listener hears of each member on the calling thread, in the order
 * members finish.
 * <ul>
 * <li>Bagging (Breiman 1996): member k trains on a bootstrap sample, of
 * {@code bootstrapFraction} times the rows, of part k mod P; the ensemble averages the
 * probabilities. Each training row is scored by the members whose sample left it out, the
 * out-of-bag estimate.</li>
 * <li>AdaBoost, SAMME (Zhu, Zou, Rosset and Hastie 2009): stage m trains kind m mod J on
 * the example weights, trees taking them directly and networks on a sample of the rows
 * drawn by weight with the stage's seed. Boosting stops at the first stage whose weighted
 * error is at least 1 - 1/C (no better than chance; that stage is dropped) or at a stage
 * without error (kept). A first stage no better than chance fails the ensemble.</li>
 * <li>Stacking (Wolpert 1992): centralised, each kind is fitted on k - 1 of {@code folds}
 * stratified folds of the training rows and predicts the remaining fold; the
 * logistic-regression meta-learner is fitted on these out-of-fold predictions only, then
 * every kind is refitted on all training rows as the members. Federated, member (p, j)
 * trains kind j on participant p's rows and the meta-learner is fitted by federated
 * averaging over every participant's member scores on its own validation rows.</li>
 * <li>Voting: member (p, j) trains kind j on part p's rows; the given weights and bias
 * are used as they are, or fitted on the validation rows (by federated averaging over the
 * participants' scores when federated).</li>
 * </ul>
 * Metrics: {@code method}, {@code memberCount}, {@code trainingRows},
 * {@code validationRows}, {@code validationAccuracy} (all parts' validation rows; absent
 * without any), {@code memberValidationAccuracy} (per member, on its part's validation
 * rows); federated also {@code participantValidationAccuracy} and
 * {@code participantValidationRows} by participant name. Bagging adds {@code oobAccuracy}
 * (absent when no row was left out) and {@code oobRows}; AdaBoost {@code stageWeights},
 * {@code stageErrors}, {@code stagesKept}, {@code stoppedEarly} and {@code stopReason};
 * voting {@code voting}, {@code votingWeights}, {@code votingBias} and
 * {@code weightsFitted}; stacking {@code metaRows} and {@code metaFittedOn}
 * ({@code outOfFold} or {@code participantValidation}) and, centralised, {@code folds}.
 * <p>
 * {@code validationEstimate} says how the validation accuracies were reached:
 * {@code heldOut} when the combiner never saw a validation row; {@code crossFitted} when
 * it was fitted on them (fitted voting weights, stacking across participants), so that
 * each row is predicted by a combiner refitted without it ({@link CrossFitting});
 * {@code unavailable}, with no accuracy, when too few rows leave nothing to refit on.
 */
public final class EnsembleTrainer {

    private final ExecutorService memberPool;

    private final MemberFitter fitter = new MemberFitter();

    /**
     * Creates a trainer.
     * @param memberPool the threads members train on; its size bounds the parallelism
     */
    public EnsembleTrainer(ExecutorService memberPool) {
        this.memberPool = memberPool;
    }

    /**
     * Trains an ensemble.
     * @param input the spec, settings and rows
     * @param listener hears of each member as it finishes
     * @return the trained ensemble
     * @throws InterruptedException when the calling thread is interrupted
     * @throws MemberTrainingException when a member fails, naming it
     * @throws IllegalArgumentException when the data cannot train the ensemble, with the
     * path of the field to change
     */
    public TrainedEnsemble train(EnsembleInput input, MemberListener listener) throws InterruptedException {
        Plan plan = Plan.of(input);
        return switch (input.spec().method()) {
            case EnsembleSpec.METHOD_BAGGING -> trainBagging(plan, listener);
            case EnsembleSpec.METHOD_ADABOOST -> trainAdaBoost(plan, listener);
            case EnsembleSpec.METHOD_STACKING -> trainStacking(plan, listener);
            case EnsembleSpec.METHOD_VOTING -> trainVoting(plan, listener);
            default -> throw new IllegalArgumentException("ensemble.method: expected one of "
                    + String.join(", ", EnsembleSpec.METHODS) + ", found \"" + input.spec().method() + "\"");
        };
    }

    private TrainedEnsemble trainBagging(Plan plan, MemberListener listener) throws InterruptedException {
        int count = plan.memberCount();
        double fraction = plan.spec().bootstrapFraction();
        List<MemberTask> tasks = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int index = k;
            int part = k % plan.parts().size();
            tasks.add(new MemberTask(index, plan.kind(index).type(), true, () -> {
                Random random = new Random(plan.seeds()[index]);
                ParticipantRows rows = plan.parts().get(part);
                int[] sample = Resampling.bootstrap(rows.train().size(), fraction, random);
                Identity identity = new Identity(index, plan.participantName(part), plan.seeds()[index]);
                Outcome outcome = fitAndReport(plan, identity, part, sample, null);
                return outcome
                    .withScores(new Scored(sample, outcome.member().predictProbabilities(rows.train().features())));
            }));
        }
        List<Outcome> outcomes = runAll(tasks, listener, count);
        List<EnsembleMember> members = outcomes.stream().map(Outcome::member).toList();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("bootstrapFraction", fraction);
        putOutOfBag(plan, outcomes, metrics);
        return finish(plan, members, EnsembleCombiner.mean(), outcomes, metrics, null);
    }

    /**
     * Members of part p were trained on rows of p only, so a row of p is out of bag for
     * the p members whose sample missed it; members of other parts are left out, so that
     * the estimate stays the usual one of Breiman 1996 within each participant.
     */
    private static void putOutOfBag(Plan plan, List<Outcome> outcomes, Map<String, Object> metrics) {
        int classCount = plan.classCount();
        int oobRows = 0;
        int correct = 0;
        int partCount = plan.parts().size();
        for (int part = 0; part < partCount; part++) {
            EncodedRows train = plan.parts().get(part).train();
            double[][] sums = new double[train.size()][classCount];
            int[] votes = new int[train.size()];
            for (int k = part; k < outcomes.size(); k += partCount) {
                Scored scored = outcomes.get(k).scored();
                boolean[] outOfBag = Resampling.outOfBag(train.size(), scored.sample());
                for (int row = 0; row < train.size(); row++) {
                    if (outOfBag[row]) {
                        votes[row]++;
                        for (int c = 0; c < classCount; c++) {
                            sums[row][c] += scored.probabilities()[row][c];
                        }
                    }
                }
            }
            for (int row = 0; row < train.size(); row++) {
                if (votes[row] > 0) {
                    oobRows++;
                    correct += (ClassificationMetrics.argmax(sums[row]) == train.labels()[row]) ? 1 : 0;
                }
            }
        }
        metrics.put("oobRows", oobRows);
        if (oobRows > 0) {
            metrics.put("oobAccuracy", (double) correct / oobRows);
        }
    }

    private TrainedEnsemble trainAdaBoost(Plan plan, MemberListener listener) throws InterruptedException {
        EncodedRows train = plan.parts().get(0).train();
        int classCount = plan.classCount();
        double[] weights = Samme.uniform(train.size());
        List<Outcome> kept = new ArrayList<>();
        List<Double> stageWeights = new ArrayList<>();
        List<Double> stageErrors = new ArrayList<>();
        String stopReason = null;
        for (int stage = 0; stage < plan.memberCount() && stopReason == null; stage++) {
            MemberSpec kind = plan.kind(stage);
            Outcome outcome = fitStage(plan, stage, kind, weights);
            int[] predicted = ClassificationMetrics.argmax(outcome.member().predictProbabilities(train.features()));
            double error = Samme.weightedError(weights, train.labels(), predicted);
            if (!Samme.isBetterThanChance(error, classCount)) {
                if (stage == 0) {
                    throw new MemberTrainingException(0, kind.type(),
                            "its weighted training error " + rounded(error) + " is no better than chance ("
                                    + (1 - 1.0 / classCount) + " for " + classCount
                                    + " classes), so there is nothing to boost; give the member more capacity",
                            null);
                }
                stopReason = "stage " + stage + " had weighted error " + rounded(error) + ", no better than chance";
                break;
            }
            double stageWeight = Samme.stageWeight(error, classCount);
            kept.add(outcome);
            stageWeights.add(stageWeight);
            stageErrors.add(error);
            listener.memberTrained(kept.size(), plan.memberCount(), outcome.report());
            if (error == 0) {
                stopReason = "stage " + stage + " classified every training row correctly";
            }
            weights = Samme.reweight(weights, train.labels(), predicted, stageWeight);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("stageWeights", stageWeights);
        metrics.put("stageErrors", stageErrors);
        metrics.put("stagesKept", kept.size());
        metrics.put("stoppedEarly", stopReason != null);
        if (stopReason != null) {
            metrics.put("stopReason", stopReason);
        }
        double[] alphas = stageWeights.stream().mapToDouble(Double::doubleValue).toArray();
        return finish(plan, kept.stream().map(Outcome::member).toList(), EnsembleCombiner.samme(alphas), kept, metrics,
                null);
    }

    private Outcome fitStage(Plan plan, int stage, MemberSpec kind, double[] weights) {
        long seed = plan.seeds()[stage];
        Identity identity = new Identity(stage, null, seed);
        try {
            if (kind.trainsNetwork()) {
                // A network's fit takes no example weights: it trains on rows drawn by
                // weight.
                Random random = new Random(seed);
                int[] sample = Resampling.byWeight(weights, weights.length, random);
                return fitAndReport(plan, identity, 0, sample, null);
            }
            return fitAndReport(plan, identity, 0, null, weights);
        }
        catch (MemberTrainingException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new MemberTrainingException(stage, kind.type(), reason(ex), ex);
        }
    }

    private TrainedEnsemble trainVoting(Plan plan, MemberListener listener) throws InterruptedException {
        List<Outcome> outcomes = runAll(partKindTasks(plan), listener, plan.memberCount());
        List<EnsembleMember> members = outcomes.stream().map(Outcome::member).toList();
        EnsembleSpec spec = plan.spec();
        int classCount = plan.classCount();
        EnsembleCombiner combiner;
        ValidationFit validationFit = null;
        if (spec.weights() != null) {
            double[] bias = (spec.bias() != null) ? spec.bias().stream().mapToDouble(Double::doubleValue).toArray()
                    : new double[classCount];
            combiner = EnsembleCombiner.voting(spec.voting(),
                    spec.weights().stream().mapToDouble(Double::doubleValue).toArray(), bias);
        }
        else {
            validationFit = new ValidationFit(validationScores(plan, members),
                    (rows) -> CombinerFit.fitVoting(rows, spec.voting(), members.size(), classCount));
            combiner = validationFit.fitOnAll();
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("voting", spec.voting());
        metrics.put("votingWeights", toList(combiner.weights()));
        metrics.put("votingBias", toList(combiner.bias()));
        metrics.put("weightsFitted", spec.weights() == null);
        return finish(plan, members, combiner, outcomes, metrics, validationFit);
    }

    private TrainedEnsemble trainStacking(Plan plan, MemberListener listener) throws InterruptedException {
        if (plan.spec().acrossParticipants()) {
            List<Outcome> outcomes = runAll(partKindTasks(plan), listener, plan.memberCount());
            List<EnsembleMember> members = outcomes.stream().map(Outcome::member).toList();
            ValidationFit validationFit = new ValidationFit(validationScores(plan, members),
                    (rows) -> CombinerFit.fitStacking(rows, members.size(), plan.classCount()));
            EnsembleCombiner combiner = validationFit.fitOnAll();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("metaFittedOn", "participantValidation");
            metrics.put("metaRows", validationFit.scores().stream().mapToInt(MemberScores::size).sum());
            return finish(plan, members, combiner, outcomes, metrics, validationFit);
        }
        return trainCentralStacking(plan, listener);
    }

    private TrainedEnsemble trainCentralStacking(Plan plan, MemberListener listener) throws InterruptedException {
        EncodedRows train = plan.parts().get(0).train();
        int folds = plan.spec().folds();
        int[] foldOf = StratifiedFolds.assign(train.labels(), folds, plan.combinerSeed());
        int count = plan.memberCount();
        List<MemberTask> tasks = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int index = k;
            tasks.add(new MemberTask(index, plan.kind(index).type(), true,
                    () -> fitAndReport(plan, new Identity(index, null, plan.seeds()[index]), 0, null, null)));
            for (int fold = 0; fold < folds; fold++) {
                int heldFold = fold;
                long foldSeed = new Random(plan.seeds()[index] + 31L * (fold + 1)).nextLong();
                tasks.add(new MemberTask(index, plan.kind(index).type(), false,
                        () -> fitFold(plan, index, foldSeed, foldOf, heldFold)));
            }
        }
        List<Outcome> outcomes = runAll(tasks, listener, count);
        List<Outcome> finals = new ArrayList<>();
        double[][] outOfFold = new double[train.size()][count * plan.classCount()];
        int position = 0;
        for (int k = 0; k < count; k++) {
            finals.add(outcomes.get(position++));
            for (int fold = 0; fold < folds; fold++) {
                Scored scored = outcomes.get(position++).scored();
                for (int i = 0; i < scored.sample().length; i++) {
                    System.arraycopy(scored.probabilities()[i], 0, outOfFold[scored.sample()[i]], k * plan.classCount(),
                            plan.classCount());
                }
            }
        }
        EnsembleCombiner combiner = CombinerFit.fitStacking(
                List.of(new MemberScores(plan.participantNameOrData(0), outOfFold, train.labels())), count,
                plan.classCount());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("folds", folds);
        metrics.put("metaFittedOn", "outOfFold");
        metrics.put("metaRows", train.size());
        return finish(plan, finals.stream().map(Outcome::member).toList(), combiner, finals, metrics, null);
    }

    /** Fits kind k on the training rows outside one fold and predicts the fold's rows. */
    private Outcome fitFold(Plan plan, int index, long seed, int[] foldOf, int heldFold) {
        EncodedRows train = plan.parts().get(0).train();
        int[] fitRows = rowsWhere(foldOf, heldFold, false);
        int[] heldRows = rowsWhere(foldOf, heldFold, true);
        Fit fit = this.fitter.fit(new Identity(index, null, seed), plan.kind(index), plan.input().training(),
                plan.inputs(index), train, fitRows, null, plan.classCount());
        double[][] held = new double[heldRows.length][];
        for (int i = 0; i < heldRows.length; i++) {
            held[i] = train.features()[heldRows[i]];
        }
        return new Outcome(null, null, new Scored(heldRows, fit.member().predictProbabilities(held)));
    }

    private static int[] rowsWhere(int[] foldOf, int fold, boolean inFold) {
        return java.util.stream.IntStream.range(0, foldOf.length)
            .filter((row) -> (foldOf[row] == fold) == inFold)
            .toArray();
    }

    /** Member (p, j), index p * J + j, trains kind j on part p's training rows. */
    private List<MemberTask> partKindTasks(Plan plan) {
        List<MemberTask> tasks = new ArrayList<>();
        int kinds = plan.spec().members().size();
        for (int k = 0; k < plan.memberCount(); k++) {
            int index = k;
            int part = k / kinds;
            tasks.add(new MemberTask(index, plan.kind(index).type(), true, () -> fitAndReport(plan,
                    new Identity(index, plan.participantName(part), plan.seeds()[index]), part, null, null)));
        }
        return tasks;
    }

    private static List<MemberScores> validationScores(Plan plan, List<EnsembleMember> members) {
        List<MemberScores> scores = new ArrayList<>();
        int classCount = plan.classCount();
        for (ParticipantRows part : plan.parts()) {
            EncodedRows validation = part.validation();
            double[][][] probabilities = TrainedEnsemble.memberProbabilities(members, validation.features());
            double[][] outputs = new double[validation.size()][members.size() * classCount];
            for (int row = 0; row < validation.size(); row++) {
                for (int k = 0; k < members.size(); k++) {
                    System.arraycopy(probabilities[k][row], 0, outputs[row], k * classCount, classCount);
                }
            }
            scores.add(new MemberScores(part.name(), outputs, validation.labels()));
        }
        return scores;
    }

    private Outcome fitAndReport(Plan plan, Identity identity, int part, int[] sample, double[] exampleWeights) {
        long start = System.nanoTime();
        MemberSpec kind = plan.kind(identity.index());
        Fit fit = this.fitter.fit(identity, kind, plan.input().training(), plan.inputs(identity.index()),
                plan.parts().get(part).train(), sample, exampleWeights, plan.classCount());
        long millis = (System.nanoTime() - start) / 1_000_000;
        double accuracy = MemberFitter.accuracy(fit.member(), plan.validationOf(part));
        MemberReport report = new MemberReport(identity.index(), kind.type(), identity.participant(), identity.seed(),
                fit.loss(), accuracy, millis);
        return new Outcome(fit.member(), report, null);
    }

    /**
     * Completes the ensemble with its metrics.
     * @param validationFit how the combiner was fitted on the validation rows, or null
     * when it saw none of them
     */
    private TrainedEnsemble finish(Plan plan, List<EnsembleMember> members, EnsembleCombiner combiner,
            List<Outcome> outcomes, Map<String, Object> methodMetrics, ValidationFit validationFit) {
        TrainedEnsemble unscored = new TrainedEnsemble(plan.spec().method(), members, combiner, List.of(), Map.of());
        Map<String, Object> metrics = new LinkedHashMap<>(methodMetrics);
        metrics.put("method", plan.spec().method());
        metrics.put("memberCount", members.size());
        metrics.put("trainingRows", plan.parts().stream().mapToInt((part) -> part.train().size()).sum());
        putValidation(plan, unscored, validationFit, metrics);
        List<Double> memberAccuracy = new ArrayList<>();
        outcomes.forEach((outcome) -> memberAccuracy.add(finiteOrNull(outcome.report().validationAccuracy())));
        metrics.put("memberValidationAccuracy", memberAccuracy);
        List<MemberReport> reports = outcomes.stream().map(Outcome::report).toList();
        return new TrainedEnsemble(plan.spec().method(), members, combiner, reports, metrics);
    }

    private static void putValidation(Plan plan, TrainedEnsemble ensemble, ValidationFit validationFit,
            Map<String, Object> metrics) {
        int[][] predicted = (validationFit == null) ? heldOutPredictions(plan, ensemble) : CrossFitting
            .predict(validationFit.scores(), plan.classCount(), plan.combinerSeed(), validationFit.refit());
        int rows = 0;
        int correct = 0;
        Map<String, Object> byParticipant = new LinkedHashMap<>();
        Map<String, Object> rowsByParticipant = new LinkedHashMap<>();
        for (int p = 0; p < plan.parts().size(); p++) {
            ParticipantRows part = plan.parts().get(p);
            int[] labels = part.validation().labels();
            int partCorrect = 0;
            if (predicted != null && labels.length > 0) {
                for (int i = 0; i < labels.length; i++) {
                    partCorrect += (predicted[p][i] == labels[i]) ? 1 : 0;
                }
                byParticipant.put(part.name(), (double) partCorrect / labels.length);
            }
            rowsByParticipant.put(part.name(), labels.length);
            rows += labels.length;
            correct += partCorrect;
        }
        metrics.put("validationRows", rows);
        metrics.put("validationEstimate",
                (validationFit == null) ? "heldOut" : (predicted == null) ? "unavailable" : "crossFitted");
        if (predicted != null && rows > 0) {
            metrics.put("validationAccuracy", (double) correct / rows);
        }
        if (plan.spec().acrossParticipants()) {
            metrics.put("participantValidationAccuracy", byParticipant);
            metrics.put("participantValidationRows", rowsByParticipant);
        }
    }

    private static int[][] heldOutPredictions(Plan plan, TrainedEnsemble ensemble) {
        int[][] predicted = new int[plan.parts().size()][];
        for (int p = 0; p < predicted.length; p++) {
            EncodedRows validation = plan.parts().get(p).validation();
            predicted[p] = (validation.size() > 0)
                    ? ClassificationMetrics.argmax(ensemble.predictProbabilities(validation.features())) : new int[0];
        }
        return predicted;
    }

    /**
     * A combiner fitted on the members' scores on the validation rows, and how to fit it
     * again on some of them, so that those rows can score it honestly.
     *
     * @param scores each part's member scores on its validation rows
     * @param refit fits the combiner on the given parts' rows
     */
    private record ValidationFit(List<MemberScores> scores, Function<List<MemberScores>, EnsembleCombiner> refit) {

        EnsembleCombiner fitOnAll() {
            return this.refit.apply(this.scores);
        }

    }

    /**
     * Runs the tasks on the pool and returns their outcomes in task order; the listener
     * hears of each reported task on this thread as it completes.
     */
    private List<Outcome> runAll(List<MemberTask> tasks, MemberListener listener, int total)
            throws InterruptedException {
        CompletionService<Outcome> completion = new ExecutorCompletionService<>(this.memberPool);
        List<Future<Outcome>> futures = new ArrayList<>();
        java.util.IdentityHashMap<Future<Outcome>, Integer> positions = new java.util.IdentityHashMap<>();
        Outcome[] outcomes = new Outcome[tasks.size()];
        try {
            for (int i = 0; i < tasks.size(); i++) {
                Future<Outcome> future = completion.submit(tasks.get(i).work());
                futures.add(future);
                positions.put(future, i);
            }
            int reported = 0;
            for (int done = 0; done < tasks.size(); done++) {
                Future<Outcome> future = completion.take();
                int position = positions.get(future);
                outcomes[position] = outcomeOf(future, tasks.get(position));
                if (tasks.get(position).reported()) {
                    reported++;
                    listener.memberTrained(reported, total, outcomes[position].report());
                }
            }
        }
        finally {
            futures.forEach((future) -> future.cancel(true));
        }
        return Arrays.asList(outcomes);
    }

    private static Outcome outcomeOf(Future<Outcome> future, MemberTask task) throws InterruptedException {
        try {
            return future.get();
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof MemberTrainingException failure) {
                throw failure;
            }
            throw new MemberTrainingException(task.index(), task.type(), reason(cause), cause);
        }
    }

    private static String rounded(double value) {
        return String.format(java.util.Locale.ROOT, "%.6f", value);
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return (message != null && !message.isBlank()) ? message : cause.getClass().getSimpleName();
    }

    private static List<Double> toList(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * One unit of work on the pool.
     *
     * @param index the member it belongs to
     * @param type the member's type
     * @param reported whether it produces a member that the listener hears of
     * @param work the work
     */
    private record MemberTask(int index, String type, boolean reported, Callable<Outcome> work) {

    }

    /**
     * What a task produced.
     *
     * @param member the trained member, or null for a fold fit
     * @param report its report, or null for a fold fit
     * @param scored predictions the method needs afterwards, or null
     */
    private record Outcome(EnsembleMember member, MemberReport report, Scored scored) {

        Outcome withScores(Scored newScores) {
            return new Outcome(this.member, this.report, newScores);
        }

    }

    /**
     * Predictions of some rows.
     *
     * @param sample the rows a bootstrap drew, or the rows of a held-out fold
     * @param probabilities the predictions: of every training row (bagging) or of the
     * held-out rows (stacking)
     */
    private record Scored(int[] sample, double[][] probabilities) {

    }

    /**
     * The checked input, the member seeds and each member's inputs, fixed before any
     * member trains.
     */
    private record Plan(EnsembleInput input, int memberCount, long[] seeds, long combinerSeed, int[][] kindInputs) {

        static Plan of(EnsembleInput input) {
            EnsembleSpec spec = input.spec();
            requireData(input);
            int memberCount = spec.memberCount();
            Random random = new Random(input.training().seed());
            long[] seeds = new long[memberCount];
            for (int k = 0; k < memberCount; k++) {
                seeds[k] = random.nextLong();
            }
            long combinerSeed = random.nextLong();
            int[][] kindInputs = new int[spec.members().size()][];
            for (int j = 0; j < kindInputs.length; j++) {
                kindInputs[j] = resolveInputs(input, j);
            }
            return new Plan(input, memberCount, seeds, combinerSeed, kindInputs);
        }

        EnsembleSpec spec() {
            return this.input.spec();
        }

        List<ParticipantRows> parts() {
            return this.input.parts();
        }

        int classCount() {
            return this.input.classCount();
        }

        MemberSpec kind(int index) {
            return spec().memberKind(index);
        }

        int[] inputs(int index) {
            return this.kindInputs[index % spec().members().size()];
        }

        String participantName(int part) {
            return spec().acrossParticipants() ? parts().get(part).name() : null;
        }

        String participantNameOrData(int part) {
            return parts().get(part).name();
        }

        /** A member of a participant is scored on that participant's validation rows. */
        EncodedRows validationOf(int part) {
            return parts().get(part).validation();
        }

        private static int[] resolveInputs(EnsembleInput input, int kindIndex) {
            List<String> features = input.spec().members().get(kindIndex).features();
            List<FeatureEncoding> encodings = input.preprocessor().features();
            if (features == null) {
                return MemberFitter.allRows(input.preprocessor().inputWidth());
            }
            Set<String> wanted = new HashSet<>(features);
            List<String> names = input.preprocessor().featureNames();
            for (int i = 0; i < features.size(); i++) {
                if (!names.contains(features.get(i))) {
                    throw new IllegalArgumentException("ensemble.members[" + kindIndex + "].features[" + i
                            + "]: expected a feature column of the data (" + String.join(", ", names) + "), found \""
                            + features.get(i) + "\"");
                }
            }
            List<Integer> inputs = new ArrayList<>();
            int offset = 0;
            for (FeatureEncoding encoding : encodings) {
                if (wanted.contains(encoding.name())) {
                    for (int w = 0; w < encoding.width(); w++) {
                        inputs.add(offset + w);
                    }
                }
                offset += encoding.width();
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("ensemble.members[" + kindIndex + "].features: expected features "
                        + "with at least one encoded input, found only categorical features without categories");
            }
            return inputs.stream().mapToInt(Integer::intValue).toArray();
        }

        private static void requireData(EnsembleInput input) {
            EnsembleSpec spec = input.spec();
            if (input.classCount() < 2) {
                throw new IllegalArgumentException("labels: expected at least 2 classes, found " + input.classCount());
            }
            int expectedParts = spec.acrossParticipants() ? spec.participants().size() : 1;
            if (input.parts().size() != expectedParts) {
                throw new IllegalArgumentException("parts: expected " + expectedParts + " (one per "
                        + (spec.acrossParticipants() ? "participant" : "dataset") + "), found " + input.parts().size());
            }
            for (int p = 0; p < input.parts().size(); p++) {
                ParticipantRows part = input.parts().get(p);
                requireLabels(dataPath(spec, p), part.train(), input.classCount());
                requireLabels(dataPath(spec, p), part.validation(), input.classCount());
                if (part.train().size() == 0) {
                    throw new IllegalArgumentException(dataPath(spec, p) + ": expected training rows, found none");
                }
            }
            if (EnsembleSpec.METHOD_ADABOOST.equals(spec.method())) {
                requireTwoClasses(input);
            }
            if (EnsembleSpec.METHOD_STACKING.equals(spec.method()) && !spec.acrossParticipants()) {
                requireFoldsFit(input);
            }
            if (EnsembleSpec.METHOD_VOTING.equals(spec.method())) {
                requireVotingSettings(input);
            }
            if (!EnsembleSpec.METHOD_VOTING.equals(spec.method()) && !EnsembleSpec.METHOD_ADABOOST.equals(spec.method())
                    || spec.weights() == null) {
                requireValidationForFit(input);
            }
        }

        private static String dataPath(EnsembleSpec spec, int part) {
            return spec.acrossParticipants() ? "ensemble.participants[" + part + "].datasetId" : "ensemble.datasetId";
        }

        private static void requireLabels(String path, EncodedRows rows, int classCount) {
            for (int row = 0; row < rows.size(); row++) {
                int label = rows.labels()[row];
                if (label < 0 || label >= classCount) {
                    throw new IllegalArgumentException(path + ": expected class indexes from 0 to " + (classCount - 1)
                            + ", found " + label + " at row " + row);
                }
            }
        }

        private static void requireTwoClasses(EnsembleInput input) {
            int[] labels = input.parts().get(0).train().labels();
            long distinct = Arrays.stream(labels).distinct().count();
            if (distinct < 2) {
                throw new IllegalArgumentException("ensemble.datasetId: expected training rows of at least 2 classes "
                        + "for adaboost, found only class \"" + input.labels().get(labels[0]) + "\"");
            }
        }

        private static void requireFoldsFit(EnsembleInput input) {
            int[] labels = input.parts().get(0).train().labels();
            int folds = input.spec().folds();
            int[] counts = new int[input.classCount()];
            for (int label : labels) {
                counts[label]++;
            }
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] > 0 && counts[c] < folds) {
                    throw new IllegalArgumentException("ensemble.folds: expected at most " + counts[c] + " folds, as "
                            + "class \"" + input.labels().get(c) + "\" has only " + counts[c] + " training rows, found "
                            + folds);
                }
            }
        }

        private static void requireVotingSettings(EnsembleInput input) {
            EnsembleSpec spec = input.spec();
            if (spec.weights() != null && spec.weights().size() != spec.memberCount()) {
                throw new IllegalArgumentException("ensemble.weights: expected one weight per member ("
                        + spec.memberCount() + "), found " + spec.weights().size());
            }
            if (spec.bias() != null && spec.bias().size() != input.classCount()) {
                throw new IllegalArgumentException("ensemble.bias: expected one number per class (" + input.classCount()
                        + "), found " + spec.bias().size());
            }
        }

        /**
         * Stacking's federated meta-learner and fitted voting weights need validation
         * rows.
         */
        private static void requireValidationForFit(EnsembleInput input) {
            EnsembleSpec spec = input.spec();
            boolean fitsOnValidation = (EnsembleSpec.METHOD_VOTING.equals(spec.method()) && spec.weights() == null)
                    || (EnsembleSpec.METHOD_STACKING.equals(spec.method()) && spec.acrossParticipants());
            int rows = input.parts().stream().mapToInt((part) -> part.validation().size()).sum();
            if (fitsOnValidation && rows == 0) {
                String field = EnsembleSpec.METHOD_VOTING.equals(spec.method()) ? "ensemble.weights"
                        : "training.validationFraction";
                throw new IllegalArgumentException(
                        field + ": expected validation rows to fit the combiner on, found " + "none; hold out more rows"
                                + (EnsembleSpec.METHOD_VOTING.equals(spec.method()) ? " or give the weights" : ""));
            }
        }

    }

}
