package ai.aimass.api.job;

import java.util.List;

import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.spec.ParticipantSpec;

/**
 * The datasets a job reads, as a list of participants whatever the kind, and the JSON
 * path under which each one was given, so that a problem with a dataset names the field
 * the caller wrote.
 *
 * @param participants the participants; a centralised ensemble's one dataset is a single
 * participant named after the field
 * @param listPath the path of the participants list, or null when the job names one
 * dataset
 * @param singlePath the path of the one dataset id, or null when there is a list
 */
record JobData(List<ParticipantSpec> participants, String listPath, String singlePath) {

    static JobData of(JobSpec spec) {
        if (!spec.ofEnsembleKind()) {
            return new JobData(spec.federation().participants(), "federation.participants", null);
        }
        EnsembleSpec ensemble = spec.ensemble();
        if (ensemble.acrossParticipants()) {
            return new JobData(ensemble.participants(), "ensemble.participants", null);
        }
        return new JobData(List.of(new ParticipantSpec("dataset", ensemble.datasetId())), null, "ensemble.datasetId");
    }

    /**
     * Returns the JSON path of a participant's dataset id.
     * @param index the participant's index
     * @return the path, such as {@code federation.participants[2].datasetId}
     */
    String datasetPath(int index) {
        return (this.singlePath != null) ? this.singlePath : this.listPath + "[" + index + "].datasetId";
    }

}
