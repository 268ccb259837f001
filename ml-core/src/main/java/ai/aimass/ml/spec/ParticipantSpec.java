package ai.aimass.ml.spec;

import java.util.List;
import java.util.UUID;

/**
 * One participant of a federated job: a name unique in the job and the data set it trains
 * on, which stays with the participant.
 *
 * @param name the participant's name, 1 to {@value #MAX_NAME_LENGTH} characters
 * @param datasetId the id of the participant's data set
 */
public record ParticipantSpec(String name, UUID datasetId) {

    /** The longest accepted participant name. */
    public static final int MAX_NAME_LENGTH = 100;

    void collectProblems(String path, List<String> problems) {
        if (this.name == null || this.name.isBlank() || this.name.length() > MAX_NAME_LENGTH) {
            problems.add(path + ".name: expected 1 to " + MAX_NAME_LENGTH + " characters, not all blank, found "
                    + ((this.name != null) ? this.name.length() + " characters" : "none"));
        }
        if (this.datasetId == null) {
            problems.add(path + ".datasetId: expected a dataset id, found none");
        }
    }

}
