package ai.aimass.ml.spec;

import java.util.List;

import ai.aimass.ml.partition.TrainValidationSplit;

/**
 * How each local training run proceeds: epochs, mini-batch size, optimiser, learning
 * rate, seed and the share of rows held out for validation.
 * <p>
 * Absent fields take their defaults: {@value #DEFAULT_EPOCHS} epoch, batches of
 * {@value #DEFAULT_BATCH_SIZE}, learning rate {@value #DEFAULT_LEARNING_RATE},
 * {@code adam}, seed {@value #DEFAULT_SEED} and a validation fraction of
 * {@value #DEFAULT_VALIDATION_FRACTION}. After construction no accessor returns null.
 *
 * @param epochs passes over the local rows per round, 1 to {@value #MAX_EPOCHS}
 * @param batchSize rows per mini-batch, 1 to {@value #MAX_BATCH_SIZE}
 * @param learningRate the optimiser's learning rate, greater than 0 and at most 10
 * @param optimizer one of {@link #OPTIMIZERS}
 * @param seed the job's seed, from which every random choice is derived
 * @param validationFraction the share of each class held out for validation, greater than
 * 0 and at most {@value #MAX_VALIDATION_FRACTION}, so that every participant can score
 * the global model
 */
public record TrainingSpec(Integer epochs, Integer batchSize, Double learningRate, String optimizer, Long seed,
        Double validationFraction) {

    /** Epochs when none are given. */
    public static final int DEFAULT_EPOCHS = 1;

    /** Batch size when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /** Learning rate when none is given. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    /** Optimiser when none is given. */
    public static final String DEFAULT_OPTIMIZER = "adam";

    /** Seed when none is given. */
    public static final long DEFAULT_SEED = 42;

    /** Validation fraction when none is given. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    /** The largest accepted number of epochs. */
    public static final int MAX_EPOCHS = 1000;

    /** The largest accepted batch size. */
    public static final int MAX_BATCH_SIZE = 65536;

    /**
     * The largest accepted validation fraction, as {@link TrainValidationSplit} accepts.
     */
    public static final double MAX_VALIDATION_FRACTION = TrainValidationSplit.MAX_VALIDATION_FRACTION;

    /** The largest accepted learning rate. */
    public static final double MAX_LEARNING_RATE = 10;

    /** The accepted optimisers. */
    public static final List<String> OPTIMIZERS = List.of("adam", "sgd", "nesterovs");

    public TrainingSpec {
        epochs = (epochs != null) ? epochs : DEFAULT_EPOCHS;
        batchSize = (batchSize != null) ? batchSize : DEFAULT_BATCH_SIZE;
        learningRate = (learningRate != null) ? learningRate : DEFAULT_LEARNING_RATE;
        optimizer = (optimizer != null) ? optimizer : DEFAULT_OPTIMIZER;
        seed = (seed != null) ? seed : DEFAULT_SEED;
        validationFraction = (validationFraction != null) ? validationFraction : DEFAULT_VALIDATION_FRACTION;
    }

    /**
     * Returns the spec with every default applied.
     * @return the default training settings
     */
    public static TrainingSpec defaults() {
        return new TrainingSpec(null, null, null, null, null, null);
    }

    void collectProblems(String path, List<String> problems) {
        SpecProblems.requireIntRange(problems, path + ".epochs", this.epochs, 1, MAX_EPOCHS);
        SpecProblems.requireIntRange(problems, path + ".batchSize", this.batchSize, 1, MAX_BATCH_SIZE);
        if (!(this.learningRate > 0 && this.learningRate <= MAX_LEARNING_RATE)) {
            problems.add(path + ".learningRate: expected a number greater than 0 and at most 10, found "
                    + this.learningRate);
        }
        SpecProblems.requireOneOf(problems, path + ".optimizer", this.optimizer, OPTIMIZERS);
        if (!TrainValidationSplit.isValidFraction(this.validationFraction)) {
            problems.add(path + ".validationFraction: expected a number greater than 0 and at most "
                    + SpecProblems.number(MAX_VALIDATION_FRACTION) + ", found "
                    + SpecProblems.number(this.validationFraction));
        }
    }

}
