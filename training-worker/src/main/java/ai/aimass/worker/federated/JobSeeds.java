package ai.aimass.worker.federated;

/**
 * Derives every random seed of a job from the job's one seed, so that a job, and a job
 * resumed by another worker, makes the same random choices and ends with the same
 * weights, bit for bit.
 * <p>
 * Each seed is a SplitMix64 hash (Steele, Lea and Flood 2014) of the job seed, a purpose
 * and the round and participant it is for, so that seeds of neighbouring rounds or
 * participants are unrelated.
 */
final class JobSeeds {

    private static final long INITIALIZATION = 1;

    private static final long SPLIT = 2;

    private static final long TRAINING = 3;

    private JobSeeds() {
    }

    /** The seed of the global model's initial weights. */
    static long initialization(long jobSeed) {
        return derive(jobSeed, INITIALIZATION, 0, 0);
    }

    /** The seed of a participant's train/validation split, the same in every round. */
    static long split(long jobSeed, int participantIndex) {
        return derive(jobSeed, SPLIT, 0, participantIndex);
    }

    /** The seed of a participant's local training in a round. */
    static long training(long jobSeed, int round, int participantIndex) {
        return derive(jobSeed, TRAINING, round, participantIndex);
    }

    private static long derive(long jobSeed, long purpose, long round, long participantIndex) {
        long hash = mix(jobSeed ^ mix(purpose));
        hash = mix(hash ^ mix(round));
        return mix(hash ^ mix(participantIndex));
    }

    private static long mix(long value) {
        long z = value + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

}
