package ai.aimass.ml.spec;

import java.util.List;
import java.util.UUID;

/**
 * The ensemble part of a job: the method, the data, the member kinds and the method's own
 * settings.
 * <p>
 * The data is either one dataset ({@code datasetId}, a centralised ensemble) or the
 * datasets of several {@code participants}, in which case every member trains inside one
 * participant's rows and the combiner is fitted by federated averaging over the
 * participants' scores on their own validation rows. AdaBoost reweights every row after
 * every stage, which needs the rows in one place, so it takes one dataset only.
 * <p>
 * The number of members K is {@code size} for bagging and AdaBoost, whose members cycle
 * through {@code members}; for stacking and voting it is the number of {@code members},
 * times the number of participants when there are participants (each participant trains
 * every member kind). {@code weights} and {@code bias} are for voting only: f(x) = (1/K)
 * sum_k weights[k] f_k(x) + bias, where f_k(x) is member k's class probabilities (soft)
 * or one-hot vote (hard) and {@code bias} has one entry per class; absent, both are
 * fitted on validation rows. Absent settings take their defaults: members one default
 * {@code mlp}, size {@value #DEFAULT_SIZE}, bootstrap fraction 1, {@value #DEFAULT_FOLDS}
 * folds, soft voting.
 *
 * @param method one of {@link #METHODS}
 * @param datasetId the one dataset of a centralised ensemble, or null
 * @param participants the participants of a federated ensemble, or empty
 * @param members the member kinds, 1 to the configured maximum
 * @param size K for bagging and AdaBoost; for stacking and voting null or equal to K
 * @param bootstrapFraction the size of each bagging sample as a share of the training
 * rows, greater than 0 and at most 1
 * @param folds the folds of stacking's out-of-fold predictions, 2 to {@value #MAX_FOLDS}
 * @param voting {@code soft} or {@code hard}
 * @param weights the voting weights alpha_k, one per member, or null to fit them
 * @param bias the voting bias beta, one per class, or null
 */
public record EnsembleSpec(String method, UUID datasetId, List<ParticipantSpec> participants, List<MemberSpec> members,
        Integer size, Double bootstrapFraction, Integer folds, String voting, List<Double> weights, List<Double> bias) {

    /** Bootstrap aggregation. */
    public static final String METHOD_BAGGING = "bagging";

    /** SAMME, the multi-class AdaBoost. */
    public static final String METHOD_ADABOOST = "adaboost";

    /** Stacking with a logistic-regression meta-learner. */
    public static final String METHOD_STACKING = "stacking";

    /** Weighted voting. */
    public static final String METHOD_VOTING = "voting";

    /** The accepted methods. */
    public static final List<String> METHODS = List.of(METHOD_BAGGING, METHOD_ADABOOST, METHOD_STACKING, METHOD_VOTING);

    /** Soft voting averages probabilities. */
    public static final String VOTING_SOFT = "soft";

    /** Hard voting counts one-hot votes. */
    public static final String VOTING_HARD = "hard";

    /** The accepted voting modes. */
    public static final List<String> VOTING_MODES = List.of(VOTING_SOFT, VOTING_HARD);

    /** K for bagging and AdaBoost when none is given. */
    public static final int DEFAULT_SIZE = 10;

    /** Stacking folds when none are given. */
    public static final int DEFAULT_FOLDS = 5;

    /** The most stacking folds accepted. */
    public static final int MAX_FOLDS = 20;

    /**
     * The largest voting weight and bias magnitude accepted: far beyond any useful
     * weighting of probabilities, and small enough that their sums stay finite.
     */
    public static final double MAX_VOTING_VALUE = 1.0e6;

    /** The largest K accepted unless the platform is configured otherwise. */
    public static final int DEFAULT_MAX_MEMBERS = 50;

    public EnsembleSpec {
        participants = (participants != null) ? SpecProblems.copyAllowingNulls(participants) : List.of();
        members = (members != null) ? SpecProblems.copyAllowingNulls(members)
                : List.of(new MemberSpec(MemberSpec.TYPE_MLP, null, null, null, null, null));
        // Each default belongs to the method that uses it, so that a setting given for
        // another method stays visible to validate() and is refused rather than ignored.
        boolean bagging = METHOD_BAGGING.equals(method);
        if (bagging || METHOD_ADABOOST.equals(method)) {
            size = (size != null) ? size : DEFAULT_SIZE;
        }
        if (bagging) {
            bootstrapFraction = (bootstrapFraction != null) ? bootstrapFraction : 1.0;
        }
        if (METHOD_STACKING.equals(method) && participants.isEmpty()) {
            folds = (folds != null) ? folds : DEFAULT_FOLDS;
        }
        if (METHOD_VOTING.equals(method)) {
            voting = (voting != null) ? voting : VOTING_SOFT;
        }
        weights = (weights != null) ? SpecProblems.copyAllowingNulls(weights) : null;
        bias = (bias != null) ? SpecProblems.copyAllowingNulls(bias) : null;
    }

    /**
     * Returns whether the members train inside participants' rows.
     * @return true when participants are given
     */
    public boolean acrossParticipants() {
        return !this.participants.isEmpty();
    }

    /**
     * Returns the number of members the ensemble will have.
     * @return K
     */
    public int memberCount() {
        if (usesSize()) {
            return this.size;
        }
        return this.members.size() * Math.max(1, this.participants.size());
    }

    /**
     * Returns the kind of member k.
     * @param k the member index, 0 to {@link #memberCount()} - 1
     * @return its member kind: members cycle for bagging and AdaBoost; for stacking and
     * voting member k is kind {@code k % members.size()} of participant
     * {@code k / members.size()}
     */
    public MemberSpec memberKind(int k) {
        return this.members.get(k % this.members.size());
    }

    private boolean usesSize() {
        return METHOD_BAGGING.equals(this.method) || METHOD_ADABOOST.equals(this.method);
    }

    void collectProblems(String path, TrainingSpec training, int maxMembers, List<String> problems) {
        SpecProblems.requireOneOf(problems, path + ".method", this.method, METHODS);
        collectDataProblems(path, problems);
        if (this.members.isEmpty()) {
            problems.add(path + ".members: expected at least 1 member kind, found none");
        }
        for (int i = 0; i < this.members.size(); i++) {
            MemberSpec member = this.members.get(i);
            if (member == null) {
                problems.add(path + ".members[" + i + "]: expected a member, found null");
            }
            else {
                member.collectProblems(path + ".members[" + i + "]", training, problems);
            }
        }
        collectSizeProblems(path, maxMembers, problems);
        if (METHOD_BAGGING.equals(this.method)) {
            if (!(this.bootstrapFraction > 0 && this.bootstrapFraction <= 1)) {
                problems.add(path + ".bootstrapFraction: expected a number greater than 0 and at most 1, found "
                        + SpecProblems.number(this.bootstrapFraction));
            }
        }
        else {
            requireUnused(path + ".bootstrapFraction", this.bootstrapFraction, "only bagging draws bootstrap samples",
                    problems);
        }
        if (METHOD_STACKING.equals(this.method) && !acrossParticipants()) {
            SpecProblems.requireIntRange(problems, path + ".folds", this.folds, 2, MAX_FOLDS);
        }
        else {
            requireUnused(path + ".folds", this.folds, METHOD_STACKING.equals(this.method)
                    ? "stacking across participants fits its meta-learner on their validation rows, without folds"
                    : "only stacking uses folds", problems);
        }
        if (METHOD_VOTING.equals(this.method)) {
            SpecProblems.requireOneOf(problems, path + ".voting", this.voting, VOTING_MODES);
        }
        else {
            requireUnused(path + ".voting", this.voting, "only voting has a voting mode", problems);
        }
        collectVotingWeightProblems(path, problems);
    }

    private void requireUnused(String path, Object value, String reason, List<String> problems) {
        if (value != null && METHODS.contains(this.method)) {
            problems.add(path + ": expected none for " + this.method + " (" + reason + "), found "
                    + ((value instanceof String text) ? SpecProblems.quoted(text) : value));
        }
    }

    private void collectDataProblems(String path, List<String> problems) {
        if (this.datasetId == null && this.participants.isEmpty()) {
            problems.add(path + ".datasetId: expected a dataset id, or participants, found neither");
        }
        if (this.datasetId != null && !this.participants.isEmpty()) {
            problems.add(path + ".participants: expected either a datasetId or participants, found both");
        }
        if (METHOD_ADABOOST.equals(this.method) && !this.participants.isEmpty()) {
            problems.add(path + ".participants: expected none for adaboost, which reweights every row after every "
                    + "stage and so needs one dataset, found " + this.participants.size());
        }
        if (!this.participants.isEmpty()) {
            ParticipantSpec.collectListProblems(path + ".participants", this.participants, problems);
        }
    }

    private void collectSizeProblems(String path, int maxMembers, List<String> problems) {
        if (usesSize()) {
            if (this.size != null) {
                SpecProblems.requireIntRange(problems, path + ".size", this.size, 1, maxMembers);
            }
            return;
        }
        int count = memberCount();
        if (this.size != null && this.size != count) {
            problems.add(path + ".size: expected none or " + count + " for " + this.method + ", whose members are "
                    + "the listed member kinds" + (acrossParticipants() ? " times the participants" : "") + ", found "
                    + this.size);
        }
        if (count > maxMembers) {
            problems.add(path + ".members: expected at most " + maxMembers + " members in all, found " + count
                    + (acrossParticipants()
                            ? " (" + this.members.size() + " kinds times " + this.participants.size() + " participants)"
                            : ""));
        }
    }

    private void collectVotingWeightProblems(String path, List<String> problems) {
        if (!METHOD_VOTING.equals(this.method)) {
            if (this.weights != null) {
                problems.add(path + ".weights: expected weights only for voting, found them for "
                        + SpecProblems.quoted(this.method));
            }
            if (this.bias != null) {
                problems.add(path + ".bias: expected a bias only for voting, found one for "
                        + SpecProblems.quoted(this.method));
            }
            return;
        }
        if (this.bias != null && this.weights == null) {
            problems.add(path + ".bias: expected a bias only together with weights (absent, both are fitted), "
                    + "found a bias without weights");
        }
        if (this.weights != null) {
            int count = memberCount();
            if (this.weights.size() != count) {
                problems.add(path + ".weights: expected one weight per member (" + count + "), found "
                        + this.weights.size());
            }
            boolean anyPositive = false;
            boolean anyInvalid = false;
            for (int i = 0; i < this.weights.size(); i++) {
                Double weight = this.weights.get(i);
                if (weight == null || !Double.isFinite(weight) || weight < 0 || weight > MAX_VOTING_VALUE) {
                    problems.add(path + ".weights[" + i + "]: expected a number from 0 to "
                            + SpecProblems.number(MAX_VOTING_VALUE) + ", found " + SpecProblems.number(weight));
                    anyInvalid = true;
                }
                else if (weight > 0) {
                    anyPositive = true;
                }
            }
            if (!anyPositive && !anyInvalid && !this.weights.isEmpty()) {
                problems.add(path + ".weights: expected at least one weight greater than 0, found all zero");
            }
        }
        if (this.bias != null) {
            for (int i = 0; i < this.bias.size(); i++) {
                Double value = this.bias.get(i);
                if (value == null || !Double.isFinite(value) || Math.abs(value) > MAX_VOTING_VALUE) {
                    problems.add(path + ".bias[" + i + "]: expected a number from -"
                            + SpecProblems.number(MAX_VOTING_VALUE) + " to " + SpecProblems.number(MAX_VOTING_VALUE)
                            + ", found " + SpecProblems.number(value));
                }
            }
        }
    }

}
