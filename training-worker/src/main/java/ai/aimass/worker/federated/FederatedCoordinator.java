package ai.aimass.worker.federated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

import ai.aimass.data.artifact.ArtifactNotFoundException;
import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.job.JobQueue;
import ai.aimass.data.job.JobQueue.ClaimedJob;
import ai.aimass.data.job.JobQueue.LeaseState;
import ai.aimass.data.job.JobRoundEntity;
import ai.aimass.data.job.JobRoundRepository;
import ai.aimass.data.job.LeaseLostException;
import ai.aimass.dl4j.network.NetworkFactory;
import ai.aimass.ml.federated.ClientUpdate;
import ai.aimass.ml.federated.FederatedAveraging;
import ai.aimass.ml.federated.InvalidUpdateException;
import ai.aimass.ml.federated.UpdateValidator;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.weights.WeightVectors;
import ai.aimass.worker.publish.DatasetProvenance;
import ai.aimass.worker.publish.ModelPublication;
import ai.aimass.worker.publish.ModelPublisher;
import ai.aimass.worker.queue.JobFailedException;
import ai.aimass.worker.queue.JobLease;
import ai.aimass.worker.queue.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coordinates federated jobs: FedAvg (McMahan et al. 2017) over the job's participants,
 * round by round.
 * <p>
 * Each round, every participant trains the global model on its own rows (one
 * {@link RoundTask} each, on the {@link RoundTaskPool}); the coordinator validates every
 * update (length, finite weights, norm bound), averages them weighted by example count in
 * participant order, has every participant score the new global model on its validation
 * rows, then stores the global weights as a checkpoint and records the round in one
 * transaction. It never reads a participant's rows. Between rounds it renews the lease: a
 * cancel request stops the job there, a lost lease drops it. A job claimed again after
 * its worker died resumes from the checkpoint of its last recorded round, and since all
 * seeds derive from the job's seed, round and participant, it ends with the weights an
 * uninterrupted run would have had.
 */
@Component
public class FederatedCoordinator implements JobRunner {

    /** The media type of a checkpoint: the global weights as little-endian float32. */
    public static final String CHECKPOINT_MEDIA_TYPE = "application/vnd.aimass.weights.float32le";

    private static final Logger logger = LoggerFactory.getLogger(FederatedCoordinator.class);

    private final FederatedPlanner planner;

    private final ParticipantTaskRunner taskRunner;

    private final RoundTaskPool taskPool;

    private final JobQueue queue;

    private final JobRoundRepository rounds;

    private final ArtifactStore artifacts;

    private final ModelPublisher publisher;

    private final ObjectProvider<RoundListener> listeners;

    private final TransactionTemplate transaction;

    public FederatedCoordinator(FederatedPlanner planner, ParticipantTaskRunner taskRunner, RoundTaskPool taskPool,
            JobQueue queue, JobRoundRepository rounds, ArtifactStore artifacts, ModelPublisher publisher,
            ObjectProvider<RoundListener> listeners, PlatformTransactionManager transactionManager) {
        this.planner = planner;
        this.taskRunner = taskRunner;
        this.taskPool = taskPool;
        this.queue = queue;
        this.rounds = rounds;
        this.artifacts = artifacts;
        this.publisher = publisher;
        this.listeners = listeners;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public String kind() {
        return JobSpec.KIND_FEDERATED;
    }

    @Override
    public void run(ClaimedJob job, JobLease lease) throws InterruptedException {
        FederatedPlan plan = this.planner.plan(job);
        try {
            float[] weights = startingWeights(plan, job);
            String checkpoint = job.checkpointSha256();
            for (int round = job.completedRounds() + 1; round <= plan.totalRounds(); round++) {
                if (!mayContinue(plan, round - 1, lease)) {
                    return;
                }
                AggregatedRound aggregated = aggregateRound(plan, round, weights);
                checkpoint = recordRound(plan, aggregated, checkpoint, lease.workerId());
                weights = aggregated.weights();
            }
            if (mayContinue(plan, plan.totalRounds(), lease)) {
                publish(plan, weights, lease);
            }
        }
        finally {
            this.taskRunner.forgetJob(job.id());
        }
    }

    private float[] startingWeights(FederatedPlan plan, ClaimedJob job) {
        if (job.completedRounds() == 0) {
            return NetworkFactory
                .build(plan.spec().model(), plan.spec().training(), plan.preprocessor().inputWidth(),
                        plan.labels().size(), JobSeeds.initialization(plan.seed()))
                .params()
                .toFloatVector();
        }
        float[] weights = loadCheckpoint(plan, job);
        logger.info("Resuming from the checkpoint of round {} of {} attempt={} jobId={}", job.completedRounds(),
                plan.totalRounds(), job.attempt(), job.id());
        return weights;
    }

    private float[] loadCheckpoint(FederatedPlan plan, ClaimedJob job) {
        String where = "The checkpoint of round " + job.completedRounds();
        if (job.checkpointSha256() == null) {
            throw new JobFailedException(where + " is missing, so the job cannot resume");
        }
        float[] weights;
        try {
            weights = WeightVectors.fromBytes(this.artifacts.get(plan.tenantId(), job.checkpointSha256()));
        }
        catch (ArtifactNotFoundException ex) {
            throw new JobFailedException(where + " is missing from the artifact store, so the job cannot resume", ex);
        }
        if (weights.length != plan.parameterCount()) {
            throw new JobFailedException(where + " holds " + weights.length + " weights where the model has "
                    + plan.parameterCount() + ", so the job cannot resume");
        }
        return weights;
    }

    /**
     * Renews the lease at a round boundary: cancels the job when asked to, drops it when
     * the lease is lost.
     */
    private boolean mayContinue(FederatedPlan plan, int completedRounds, JobLease lease) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        LeaseState state = lease.renew();
        if (state == LeaseState.LOST) {
            throw new LeaseLostException(plan.jobId(), lease.workerId());
        }
        if (state == LeaseState.CANCEL_REQUESTED) {
            this.queue.cancel(plan.jobId(), lease.workerId());
            logger.info("Cancelled on request after round {} of {} jobId={}", completedRounds, plan.totalRounds(),
                    plan.jobId());
            return false;
        }
        return true;
    }

    private AggregatedRound aggregateRound(FederatedPlan plan, int round, float[] globalWeights)
            throws InterruptedException {
        long started = System.nanoTime();
        List<TrainingOutcome> trained = runForEachParticipant(plan, round, "local training",
                (participant) -> () -> this.taskRunner
                    .train(new RoundTask(plan.dataOf(participant), round, plan.spec().model(), plan.spec().training(),
                            globalWeights, JobSeeds.training(plan.seed(), round, participant.index()))));
        List<ClientUpdate> updates = validatedUpdates(plan, round, trained);
        float[] aggregated = FederatedAveraging.aggregate(updates);
        List<EvaluationOutcome> evaluated = runForEachParticipant(plan, round, "validation",
                (participant) -> () -> this.taskRunner
                    .evaluate(new EvaluationTask(plan.dataOf(participant), round, plan.spec().model(), aggregated)));
        long trainingNanos = trained.stream().mapToLong(TrainingOutcome::trainingNanos).max().orElse(0);
        return new AggregatedRound(round, aggregated, metrics(plan, trained, evaluated),
                (System.nanoTime() - started) / 1_000_000, trainingNanos / 1_000_000);
    }

    private <T> List<T> runForEachParticipant(FederatedPlan plan, int round, String step,
            Function<ParticipantDataset, Callable<T>> task) throws InterruptedException {
        List<Future<T>> futures = plan.participants()
            .stream()
            .map((participant) -> this.taskPool.submit(task.apply(participant)))
            .toList();
        try {
            List<T> results = new ArrayList<>(futures.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                }
                catch (ExecutionException ex) {
                    throw taskFailure(plan, round, step, plan.participants().get(i), ex.getCause());
                }
            }
            return results;
        }
        finally {
            futures.forEach((future) -> future.cancel(true));
        }
    }

    private static JobFailedException taskFailure(FederatedPlan plan, int round, String step,
            ParticipantDataset participant, Throwable cause) {
        if (cause instanceof JobFailedException failure) {
            return new JobFailedException("Round " + round + ": " + failure.getMessage(), failure);
        }
        return new JobFailedException("Round " + round + ": " + step + " of participant \"" + participant.name()
                + "\" failed unexpectedly (" + cause.getClass().getSimpleName()
                + "); the worker log has the details under jobId=" + plan.jobId(), cause);
    }

    private static List<ClientUpdate> validatedUpdates(FederatedPlan plan, int round, List<TrainingOutcome> trained) {
        double maxNorm = plan.spec().federation().maxUpdateNorm();
        List<ClientUpdate> updates = new ArrayList<>(trained.size());
        for (TrainingOutcome outcome : trained) {
            try {
                UpdateValidator.validate(outcome.update(), plan.parameterCount(), maxNorm);
            }
            catch (InvalidUpdateException ex) {
                throw new JobFailedException("Round " + round + ": the update of participant \"" + ex.participant()
                        + "\" was rejected, so the round cannot be aggregated: " + ex.getMessage(), ex);
            }
            updates.add(outcome.update());
        }
        return updates;
    }

    private static RoundMetrics metrics(FederatedPlan plan, List<TrainingOutcome> trained,
            List<EvaluationOutcome> evaluated) {
        List<ParticipantMetrics> participants = new ArrayList<>();
        double lossSum = 0;
        long exampleCount = 0;
        double correctSum = 0;
        long validationCount = 0;
        for (int i = 0; i < trained.size(); i++) {
            TrainingOutcome training = trained.get(i);
            EvaluationOutcome evaluation = evaluated.get(i);
            long examples = training.update().exampleCount();
            participants.add(new ParticipantMetrics(plan.participants().get(i).name(), examples,
                    evaluation.validationCount(), training.loss(), evaluation.accuracy()));
            lossSum += training.loss() * examples;
            exampleCount += examples;
            correctSum += evaluation.accuracy() * evaluation.validationCount();
            validationCount += evaluation.validationCount();
        }
        return new RoundMetrics(lossSum / exampleCount, correctSum / validationCount, participants);
    }

    private String recordRound(FederatedPlan plan, AggregatedRound round, String previousCheckpoint, String workerId) {
        JobRoundEntity row = new JobRoundEntity(plan.jobId(), round.round(), round.metrics().participants().size(),
                plan.participants().size(), round.metrics().meanLoss(), round.metrics().validationAccuracy(),
                MlJson.mapper().writeValueAsString(round.metrics().participants()), round.durationMillis(),
                round.trainingMillis(), Instant.now());
        String checkpoint = this.transaction.execute((status) -> {
            String stored = this.artifacts
                .put(plan.tenantId(), WeightVectors.toBytes(round.weights()), CHECKPOINT_MEDIA_TYPE)
                .sha256();
            this.queue.recordRound(workerId, row, stored);
            if (previousCheckpoint != null) {
                this.artifacts.release(plan.tenantId(), previousCheckpoint);
            }
            return stored;
        });
        logger.info(
                "Round {} of {} aggregated from {} of {} participants jobId={} meanLoss={} "
                        + "validationAccuracy={} roundMillis={} trainingMillis={}",
                round.round(), plan.totalRounds(), row.getParticipantsAnswered(), row.getParticipantsAsked(),
                plan.jobId(), String.format("%.4f", row.getMeanLoss()),
                String.format("%.4f", row.getValidationAccuracy()), round.durationMillis(), round.trainingMillis());
        notifyListeners(new RecordedRound(plan.jobId(), round.round(), plan.totalRounds(),
                row.getParticipantsAnswered(), row.getMeanLoss(), row.getValidationAccuracy(), checkpoint,
                round.durationMillis(), round.trainingMillis()));
        return checkpoint;
    }

    private void notifyListeners(RecordedRound round) {
        this.listeners.orderedStream().forEach((listener) -> {
            try {
                listener.roundRecorded(round);
            }
            catch (RuntimeException ex) {
                logger.warn("Round listener {} failed jobId={} round={}", listener.getClass().getName(), round.jobId(),
                        round.round(), ex);
            }
        });
    }

    private void publish(FederatedPlan plan, float[] weights, JobLease lease) {
        List<JobRoundEntity> recorded = this.rounds.findByJobIdOrderByRoundNumber(plan.jobId());
        JobRoundEntity last = recorded.get(recorded.size() - 1);
        List<DatasetProvenance> datasets = plan.participants()
            .stream()
            .map((participant) -> new DatasetProvenance(participant.name(), participant.datasetId(),
                    participant.artifactSha256(), participant.rowCount()))
            .toList();
        ModelPublication publication = new ModelPublication(plan.jobId(), plan.tenantId(), plan.spec(), plan.schema(),
                plan.preprocessor(), plan.labels(), datasets, weights, finalMetrics(last));
        try {
            this.publisher.publish(publication, lease.workerId());
        }
        catch (LeaseLostException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new JobFailedException("All " + plan.totalRounds()
                    + " rounds finished but the model could not be published (" + ex.getClass().getSimpleName()
                    + "); the worker log has the details under jobId=" + plan.jobId(), ex);
        }
    }

    private static Map<String, Object> finalMetrics(JobRoundEntity last) {
        List<ParticipantMetrics> participants = MlJson.mapper()
            .readerForListOf(ParticipantMetrics.class)
            .readValue(last.getParticipantMetricsJson());
        Map<String, Object> byParticipant = new LinkedHashMap<>();
        participants.forEach((metrics) -> byParticipant.put(metrics.participant(), metrics.validationAccuracy()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validationAccuracy", last.getValidationAccuracy());
        metrics.put("rounds", last.getRoundNumber());
        metrics.put("finalLoss", last.getMeanLoss());
        metrics.put("participantValidationAccuracy", byParticipant);
        return metrics;
    }

    private record RoundMetrics(double meanLoss, double validationAccuracy, List<ParticipantMetrics> participants) {

    }

    private record AggregatedRound(int round, float[] weights, RoundMetrics metrics, long durationMillis,
            long trainingMillis) {

    }

}
