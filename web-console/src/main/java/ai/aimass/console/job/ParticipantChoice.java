package ai.aimass.console.job;

import java.util.List;
import java.util.Map;

import ai.aimass.console.dataset.Dataset;

/**
 * A dataset offered as a participant on a job form.
 *
 * @param datasetId the dataset id
 * @param datasetName the dataset name
 * @param rowCount its rows
 * @param labelColumn its label column
 * @param chosen whether it is ticked
 * @param participantName the participant name to send
 */
record ParticipantChoice(String datasetId, String datasetName, int rowCount, String labelColumn, boolean chosen,
        String participantName) {

    static List<ParticipantChoice> of(List<Dataset> datasets, List<String> chosen, Map<String, String> names) {
        return datasets.stream().map((dataset) -> {
            String id = dataset.id().toString();
            // A form shown again keeps the names as they were sent, an emptied one too; a
            // new
            // form suggests each dataset's name.
            String name = names.containsKey(id) ? names.get(id) : dataset.name();
            return new ParticipantChoice(id, dataset.name(), dataset.rowCount(), dataset.labelColumn(),
                    chosen.contains(id), name);
        }).toList();
    }

}
