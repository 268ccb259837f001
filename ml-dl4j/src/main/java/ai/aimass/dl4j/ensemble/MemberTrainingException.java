package ai.aimass.dl4j.ensemble;

/**
 * A member that could not be trained: the ensemble fails as a whole, naming the member.
 */
public class MemberTrainingException extends RuntimeException {

    private final int memberIndex;

    private final String memberType;

    /**
     * Creates the exception.
     * @param memberIndex the member's index
     * @param memberType the member's type
     * @param reason why it failed, phrased for the job's owner
     * @param cause the underlying failure, or null
     */
    public MemberTrainingException(int memberIndex, String memberType, String reason, Throwable cause) {
        super("member " + memberIndex + " (" + memberType + "): " + reason, cause);
        this.memberIndex = memberIndex;
        this.memberType = memberType;
    }

    /**
     * Returns the failed member's index.
     * @return the index
     */
    public int memberIndex() {
        return this.memberIndex;
    }

    /**
     * Returns the failed member's type.
     * @return the type
     */
    public String memberType() {
        return this.memberType;
    }

}
