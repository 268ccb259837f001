package ai.aimass.api.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ai.aimass.api.ApiProperties;
import ai.aimass.api.auth.Caller;
import ai.aimass.api.dataset.DatasetProfiles;
import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.ErrorCode;
import ai.aimass.api.web.PageView;
import ai.aimass.api.web.Timestamps;
import ai.aimass.data.dataset.DatasetEntity;
import ai.aimass.data.dataset.DatasetRepository;
import ai.aimass.data.job.JobEntity;
import ai.aimass.data.job.JobQueue;
import ai.aimass.data.job.JobRepository;
import ai.aimass.data.job.JobRoundRepository;
import ai.aimass.ml.partition.TrainValidationSplit;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.preprocess.ParticipantSchemas;
import ai.aimass.ml.preprocess.SchemaMismatchException;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.spec.ParticipantSpec;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.TabularSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Submits, reads and cancels training jobs.
 * <p>
 * A job is queued only when its spec is valid and every participant's dataset belongs to
 * the caller's tenant and shares the first one's schema; a dataset of another tenant is
 * reported exactly like one that does not exist. An ensemble's settings are also checked
 * against its datasets' profiles (classes, rows per class, columns) before it is queued,
 * so that a job that could never train is refused rather than failed later.
 */
@Service
class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobRepository jobs;

    private final JobRoundRepository rounds;

    private final JobQueue queue;

    private final DatasetRepository datasets;

    private final PublishedVersions publishedVersions;

    private final ApiProperties properties;

    JobService(JobRepository jobs, JobRoundRepository rounds, JobQueue queue, DatasetRepository datasets,
            PublishedVersions publishedVersions, ApiProperties properties) {
        this.properties = properties;
        this.jobs = jobs;
        this.rounds = rounds;
        this.queue = queue;
        this.datasets = datasets;
        this.publishedVersions = publishedVersions;
    }

    JobView submitJob(Caller caller, String body) {
        UUID tenantId = caller.requireTenant();
        JobSpec spec = JobSpec.fromJson(body);
        List<String> problems = spec.validate(this.properties.maxEnsembleMembers());
        if (!problems.isEmpty()) {
            throw ApiException.invalidInput(problems);
        }
        JobData data = JobData.of(spec);
        List<DatasetEntity> participantDatasets = participantDatasets(tenantId, data);
        List<DatasetProfile> profiles = participantDatasets.stream().map(DatasetProfiles::read).toList();
        TabularSchema schema = requireSharedSchema(data, participantDatasets, profiles);
        requireValidationRows(data, participantDatasets, profiles);
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(schema, profiles);
        if (spec.ofEnsembleKind()) {
            EnsembleDataChecks.requireTrainable(spec, data, participantDatasets, profiles, schema, preprocessor,
                    this.properties.maxModelParameters());
        }
        else {
            requireNetworkFits(spec, preprocessor, schema.labelClasses().size());
        }
        JobEntity queued = new JobEntity(UUID.randomUUID(), tenantId, spec.kind(), spec.toJson(), spec.totalSteps(),
                caller.userId(), Timestamps.now());
        queued.setAccelerator(spec.resources().accelerator());
        JobEntity job = this.jobs.saveAndFlush(queued);
        log.info("Queued job id={} kind={} tenant={} datasets={} steps={} accelerator={}", job.getId(), job.getKind(),
                tenantId, participantDatasets.size(), job.getTotalRounds(), job.getAccelerator());
        return view(job);
    }

    JobView getJob(Caller caller, UUID id) {
        return view(find(caller, id));
    }

    Page<JobView> listJobs(Caller caller, Pageable pageable) {
        return this.jobs.findByTenantId(caller.requireTenant(), pageable).map(this::view);
    }

    PageView<RoundView> listRounds(Caller caller, UUID id, int page, int size) {
        JobEntity job = find(caller, id);
        List<RoundView> all = this.rounds.findByJobIdOrderByRoundNumber(job.getId())
            .stream()
            .map(RoundView::from)
            .toList();
        return PageView.slice(all, page, size);
    }

    JobView cancelJob(Caller caller, UUID id) {
        JobEntity job = find(caller, id);
        if (job.getStatus().isFinal()) {
            throw ApiException
                .invalidState("status: expected QUEUED or RUNNING to cancel the job, found " + job.getStatus());
        }
        this.queue.requestCancel(job.getId(), job.getTenantId()).orElseThrow(() -> notFound(id));
        log.info("Cancel requested for job id={} tenant={}", job.getId(), job.getTenantId());
        return view(find(caller, id));
    }

    private JobEntity find(Caller caller, UUID id) {
        return this.jobs.findByIdAndTenantId(id, caller.requireTenant()).orElseThrow(() -> notFound(id));
    }

    private void requireNetworkFits(JobSpec spec, FeaturePreprocessor preprocessor, int classCount) {
        long parameters = spec.model().parameterCount(preprocessor.inputWidth(), classCount);
        long max = this.properties.maxModelParameters();
        if (parameters > max) {
            throw ApiException.invalidInput("model.layers: expected a network of at most " + max + " weights "
                    + "(aimass.api.max-model-parameters) for " + preprocessor.inputWidth() + " inputs and " + classCount
                    + " classes, found " + parameters);
        }
    }

    private List<DatasetEntity> participantDatasets(UUID tenantId, JobData data) {
        List<ParticipantSpec> participants = data.participants();
        List<DatasetEntity> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            UUID datasetId = participants.get(i).datasetId();
            Optional<DatasetEntity> dataset = this.datasets.findByIdAndTenantId(datasetId, tenantId);
            dataset.ifPresent(found::add);
            if (dataset.isEmpty()) {
                missing
                    .add(data.datasetPath(i) + ": expected a dataset of your tenant, found none with id " + datasetId);
            }
        }
        if (!missing.isEmpty()) {
            String message = (missing.size() == 1) ? missing.get(0)
                    : missing.size() + " problems: " + String.join("; ", missing);
            throw new ApiException(ErrorCode.NOT_FOUND, message, missing);
        }
        return found;
    }

    private static TabularSchema requireSharedSchema(JobData data, List<DatasetEntity> participantDatasets,
            List<DatasetProfile> profiles) {
        try {
            return ParticipantSchemas.merge(profiles);
        }
        catch (SchemaMismatchException ex) {
            int index = ex.participantIndex();
            throw ApiException.invalidInput(data.datasetPath(index) + ": expected a dataset with the schema of the "
                    + "first participant's, found dataset \"" + participantDatasets.get(index).getName()
                    + "\" that differs: " + ex.getMessage());
        }
    }

    /**
     * Each participant scores the global model on validation rows held out by
     * {@link TrainValidationSplit}, which keeps at least one training row per class and
     * so holds out a row only from a class with 2 or more rows: a dataset whose every
     * class has a single row can never run, whatever the validation fraction.
     */
    private static void requireValidationRows(JobData data, List<DatasetEntity> participantDatasets,
            List<DatasetProfile> profiles) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            DatasetProfile profile = profiles.get(i);
            long largestClass = profile.classCounts().values().stream().mapToLong(Long::longValue).max().orElse(0);
            if (largestClass < 2) {
                problems.add(data.datasetPath(i) + ": expected a dataset with at least 2 rows "
                        + "of some class, so that it can hold out a validation row, found dataset \""
                        + participantDatasets.get(i).getName() + "\" with " + profile.rowCount() + " rows of "
                        + profile.classCounts().size() + " classes, " + largestClass + " each");
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidInput(problems);
        }
    }

    private JobView view(JobEntity job) {
        JobView.PublishedVersion published = this.publishedVersions.of(job);
        return new JobView(job.getId(), job.getKind(), job.getStatus(), job.getCompletedRounds(), job.getTotalRounds(),
                job.isCancelRequested(), job.getErrorMessage(), published, job.getCreatedAt(), job.getStartedAt(),
                job.getFinishedAt(), JobSpec.fromJson(job.getSpecJson()));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("id: expected a job of your tenant, found none with id " + id);
    }

}
