package ai.aimass.ml.spec;

import java.util.List;

/**
 * The federated part of a job: who takes part, how many rounds, which aggregation
 * strategy and the norm bound that every client update must respect.
 * <p>
 * Absent fields take their defaults: no participants (which {@link JobSpec#validate()}
 * rejects), {@value #DEFAULT_ROUNDS} rounds, strategy {@code fedavg} and a maximum update
 * norm of {@value #DEFAULT_MAX_UPDATE_NORM}. Participants train and are aggregated in
 * list order.
 *
 * @param participants the participants, 1 to {@value #MAX_PARTICIPANTS}, names unique
 * @param rounds the number of rounds, 1 to {@value #MAX_ROUNDS}
 * @param strategy one of {@link #STRATEGIES}
 * @param maxUpdateNorm the largest accepted L2 norm of an update's weights
 */
public record FederationSpec(List<ParticipantSpec> participants, Integer rounds, String strategy,
        Double maxUpdateNorm) {

    /** Rounds when none are given. */
    public static final int DEFAULT_ROUNDS = 10;

    /** The largest accepted number of rounds. */
    public static final int MAX_ROUNDS = 1000;

    /** The largest accepted number of participants. */
    public static final int MAX_PARTICIPANTS = 1000;

    /** Strategy when none is given. */
    public static final String DEFAULT_STRATEGY = "fedavg";

    /** The accepted strategies. */
    public static final List<String> STRATEGIES = List.of(DEFAULT_STRATEGY);

    /** Maximum update norm when none is given. */
    public static final double DEFAULT_MAX_UPDATE_NORM = 1.0e6;

    public FederationSpec {
        participants = (participants != null) ? SpecProblems.copyAllowingNulls(participants) : List.of();
        rounds = (rounds != null) ? rounds : DEFAULT_ROUNDS;
        strategy = (strategy != null) ? strategy : DEFAULT_STRATEGY;
        maxUpdateNorm = (maxUpdateNorm != null) ? maxUpdateNorm : DEFAULT_MAX_UPDATE_NORM;
    }

    /**
     * Returns the spec with every default applied.
     * @return the default federation, without participants
     */
    public static FederationSpec defaults() {
        return new FederationSpec(null, null, null, null);
    }

    void collectProblems(String path, List<String> problems) {
        ParticipantSpec.collectListProblems(path + ".participants", this.participants, problems);
        SpecProblems.requireIntRange(problems, path + ".rounds", this.rounds, 1, MAX_ROUNDS);
        SpecProblems.requireOneOf(problems, path + ".strategy", this.strategy, STRATEGIES);
        if (!(this.maxUpdateNorm > 0 && Double.isFinite(this.maxUpdateNorm))) {
            problems.add(path + ".maxUpdateNorm: expected a finite number greater than 0, found " + this.maxUpdateNorm);
        }
    }

}
