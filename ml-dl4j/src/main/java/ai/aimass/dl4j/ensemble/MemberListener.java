package ai.aimass.dl4j.ensemble;

/**
 * Hears of members as they finish, so that a job shows its progress.
 */
@FunctionalInterface
public interface MemberListener {

    /**
     * Called once per member, in the order members finish, never concurrently.
     * @param completed how many members have finished, this one included
     * @param total the number of members
     * @param report the member that finished
     * @throws InterruptedException when the listener's thread is interrupted, which stops
     * the training
     */
    void memberTrained(int completed, int total, MemberReport report) throws InterruptedException;

}
