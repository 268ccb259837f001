package ai.aimass.api.job;

import java.util.Optional;

import ai.aimass.data.job.JobEntity;
import ai.aimass.data.model.ModelRepository;
import ai.aimass.data.model.ModelVersionRepository;

import org.springframework.stereotype.Component;

/**
 * Names the model version a job published, for the job view and the job's event stream
 * alike.
 */
@Component
class PublishedVersions {

    private final ModelVersionRepository versions;

    private final ModelRepository models;

    PublishedVersions(ModelVersionRepository versions, ModelRepository models) {
        this.versions = versions;
        this.models = models;
    }

    /**
     * Looks up the version a job published.
     * @param job the job
     * @return its model name and version number, or null while it has published none
     */
    JobView.PublishedVersion of(JobEntity job) {
        return Optional.ofNullable(job.getModelVersionId())
            .flatMap(this.versions::findById)
            .flatMap((version) -> this.models.findById(version.getModelId())
                .map((model) -> new JobView.PublishedVersion(version.getId(), model.getName(), version.getVersion())))
            .orElse(null);
    }

}
