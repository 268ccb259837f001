package ai.aimass.ml.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        if (this.name == null || !isVisible(this.name) || this.name.length() > MAX_NAME_LENGTH) {
            problems.add(path + ".name: expected 1 to " + MAX_NAME_LENGTH + " characters, at least one of them "
                    + "visible, found " + ((this.name != null) ? this.name.length() + " characters" : "none")
                    + ((this.name != null && !this.name.isEmpty() && !isVisible(this.name)) ? ", none visible" : ""));
        }
        else {
            for (int i = 0; i < this.name.length(); i++) {
                if (Character.isISOControl(this.name.charAt(i))) {
                    problems.add(path + ".name: expected printable characters (names appear in logs, provenance "
                            + "and answers), found a control character (U+"
                            + String.format("%04X", (int) this.name.charAt(i)) + ") at position " + i);
                    break;
                }
            }
        }
        if (this.datasetId == null) {
            problems.add(path + ".datasetId: expected a dataset id, found none");
        }
    }

    /**
     * Checks a list of participants: 1 to {@value FederationSpec#MAX_PARTICIPANTS}, none
     * null, each valid, names unique.
     * @param path the JSON path of the list
     * @param participants the list
     * @param problems where problems are added
     */
    static void collectListProblems(String path, List<ParticipantSpec> participants, List<String> problems) {
        if (participants.isEmpty()) {
            problems.add(path + ": expected at least 1 participant, found none");
        }
        if (participants.size() > FederationSpec.MAX_PARTICIPANTS) {
            problems.add(path + ": expected at most " + FederationSpec.MAX_PARTICIPANTS + " participants, found "
                    + participants.size());
        }
        Map<String, Integer> firstIndexByName = new HashMap<>();
        Map<UUID, Integer> firstIndexByDataset = new HashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            ParticipantSpec participant = participants.get(i);
            if (participant == null) {
                problems.add(path + "[" + i + "]: expected a participant, found null");
                continue;
            }
            participant.collectProblems(path + "[" + i + "]", problems);
            Integer first = (participant.name() != null) ? firstIndexByName.putIfAbsent(participant.name(), i) : null;
            if (first != null) {
                problems.add(path + "[" + i + "].name: expected a name unique among participants, found \""
                        + participant.name() + "\" as at index " + first);
            }
            Integer sameData = (participant.datasetId() != null)
                    ? firstIndexByDataset.putIfAbsent(participant.datasetId(), i) : null;
            if (sameData != null) {
                problems.add(path + "[" + i + "].datasetId: expected each dataset once (its rows would count "
                        + "twice), found " + participant.datasetId() + " as at index " + sameData);
            }
        }
    }

    /**
     * Whether a name shows anything: a character that is not a space of any kind (U+00A0
     * and U+3000 included), an invisible format mark (U+200B, U+FEFF) or a control
     * character. A name of only such characters would name a participant that no one can
     * tell apart.
     * @param name the name
     * @return true when some character is visible
     */
    public static boolean isVisible(String name) {
        return name.codePoints()
            .anyMatch((c) -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c));
    }

}
