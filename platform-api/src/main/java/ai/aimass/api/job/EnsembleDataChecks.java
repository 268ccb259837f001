package ai.aimass.api.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ai.aimass.api.problem.ApiException;
import ai.aimass.data.dataset.DatasetEntity;
import ai.aimass.ml.partition.TrainValidationSplit;
import ai.aimass.ml.preprocess.FeatureEncoding;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * Checks an ensemble's settings against the profiles of its datasets, which the spec
 * alone cannot: enough classes, enough rows of each class for stacking's folds, a bias
 * per class, member columns that exist and network weights within the platform's budget.
 * <p>
 * Every check reads stored statistics only, never rows.
 */
final class EnsembleDataChecks {

    /** The most names quoted when a column is not found. */
    private static final int NAMES_SHOWN = 8;

    private EnsembleDataChecks() {
    }

    /**
     * Refuses an ensemble that could not train on its data.
     * @throws ApiException listing every problem found
     */
    static void requireTrainable(JobSpec spec, JobData data, List<DatasetEntity> datasets,
            List<DatasetProfile> profiles, TabularSchema schema, FeaturePreprocessor preprocessor, long maxParameters) {
        EnsembleSpec ensemble = spec.ensemble();
        List<String> problems = new ArrayList<>();
        List<String> labels = schema.labelClasses();
        if (labels.size() < 2) {
            problems.add(data.datasetPath(0) + ": expected data with at least 2 classes of \"" + schema.labelColumn()
                    + "\" for " + ensemble.method() + ", whose members learn to tell classes apart, found "
                    + labels.size() + " ("
                    + labels.stream().map((label) -> "\"" + label + "\"").collect(Collectors.joining(", ")) + ")");
        }
        if (EnsembleSpec.METHOD_STACKING.equals(ensemble.method()) && !ensemble.acrossParticipants()) {
            requireRowsForFolds(ensemble, spec.training().validationFraction(), datasets.get(0), profiles.get(0),
                    problems);
        }
        if (ensemble.bias() != null && ensemble.bias().size() != labels.size()) {
            problems.add("ensemble.bias: expected one value per class (" + labels.size() + ": "
                    + String.join(", ", labels) + "), found " + ensemble.bias().size());
        }
        long[] weightsPerKind = new long[ensemble.members().size()];
        for (int i = 0; i < ensemble.members().size(); i++) {
            weightsPerKind[i] = requireMemberFits("ensemble.members[" + i + "]", ensemble.members().get(i),
                    preprocessor, schema.labelColumn(), labels.size(), problems);
        }
        long total = 0;
        for (int k = 0; k < ensemble.memberCount(); k++) {
            total += weightsPerKind[k % weightsPerKind.length];
        }
        if (total > maxParameters) {
            problems.add("ensemble.members: expected at most " + maxParameters + " network weights in all "
                    + "(aimass.api.max-model-parameters), found " + total + " in " + ensemble.memberCount()
                    + " members");
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidInput(problems);
        }
    }

    /**
     * Stacking's folds split the training rows of each class, so each class needs at
     * least as many training rows as there are folds, or some fold has none of it.
     */
    private static void requireRowsForFolds(EnsembleSpec ensemble, double validationFraction, DatasetEntity dataset,
            DatasetProfile profile, List<String> problems) {
        List<Map.Entry<String, Long>> classes = new ArrayList<>(profile.classCounts().entrySet());
        int[] sizes = classes.stream().mapToInt((entry) -> Math.toIntExact(entry.getValue())).toArray();
        int[] training = TrainValidationSplit.trainingCounts(sizes, validationFraction);
        int fewest = Integer.MAX_VALUE;
        int fewestIndex = -1;
        for (int i = 0; i < training.length; i++) {
            if (training[i] < fewest) {
                fewest = training[i];
                fewestIndex = i;
            }
        }
        String fewestClass = (fewestIndex >= 0) ? classes.get(fewestIndex).getKey() : null;
        if (fewestClass != null && fewest < 2) {
            // Even the smallest fraction holds out a row when the split would hold out
            // none,
            // so for some data no fraction leaves the class 2 training rows.
            int mostPossible = TrainValidationSplit.trainingCounts(sizes, Double.MIN_VALUE)[fewestIndex];
            String remedy = (mostPossible >= 2) ? "lower the fraction or use another method"
                    : "no fraction leaves 2 of its " + sizes[fewestIndex] + " rows for training; add rows of that "
                            + "class or use another method";
            problems.add("ensemble.datasetId: expected at least 2 training rows of every class for stacking's "
                    + "folds, found " + fewest + " of class \"" + fewestClass + "\" in dataset \"" + dataset.getName()
                    + "\" after holding out training.validationFraction " + validationFraction + "; " + remedy);
        }
        else if (fewestClass != null && ensemble.folds() > fewest) {
            problems.add("ensemble.folds: expected at most " + fewest + " folds, the training rows of class \""
                    + fewestClass + "\" in dataset \"" + dataset.getName() + "\" (after holding out "
                    + "training.validationFraction " + validationFraction + "), found " + ensemble.folds());
        }
    }

    /** Checks a member kind's columns and returns its network weights (0 for a tree). */
    private static long requireMemberFits(String path, MemberSpec member, FeaturePreprocessor preprocessor,
            String labelColumn, int classCount, List<String> problems) {
        int inputWidth = preprocessor.inputWidth();
        if (member.features() != null) {
            inputWidth = 0;
            List<String> names = preprocessor.featureNames();
            for (int i = 0; i < member.features().size(); i++) {
                String feature = member.features().get(i);
                int index = names.indexOf(feature);
                if (index < 0) {
                    problems.add(path + ".features[" + i + "]: expected a feature column of the data ("
                            + describe(names) + ")" + (feature.equals(labelColumn) ? ", not the label column" : "")
                            + ", found \"" + feature + "\"");
                }
                else {
                    FeatureEncoding encoding = preprocessor.features().get(index);
                    inputWidth += encoding.width();
                }
            }
        }
        if (!member.trainsNetwork() || inputWidth == 0) {
            return 0;
        }
        return member.networkModel().parameterCount(inputWidth, classCount);
    }

    private static String describe(List<String> names) {
        if (names.size() <= NAMES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
    }

}
