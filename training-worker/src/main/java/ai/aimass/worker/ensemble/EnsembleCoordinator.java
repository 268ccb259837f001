package ai.aimass.worker.ensemble;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.aimass.data.job.JobQueue;
import ai.aimass.data.job.JobQueue.ClaimedJob;
import ai.aimass.data.job.JobQueue.LeaseState;
import ai.aimass.data.job.JobRoundEntity;
import ai.aimass.data.job.LeaseLostException;
import ai.aimass.dl4j.ensemble.EncodedRows;
import ai.aimass.dl4j.ensemble.EnsembleInput;
import ai.aimass.dl4j.ensemble.EnsembleTrainer;
import ai.aimass.dl4j.ensemble.MemberListener;
import ai.aimass.dl4j.ensemble.MemberReport;
import ai.aimass.dl4j.ensemble.MemberTrainingException;
import ai.aimass.dl4j.ensemble.ParticipantRows;
import ai.aimass.dl4j.ensemble.TrainedEnsemble;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.worker.federated.FederatedPlan;
import ai.aimass.worker.federated.FederatedPlanner;
import ai.aimass.worker.federated.ParticipantDataset;
import ai.aimass.worker.federated.ParticipantRowsLoader;
import ai.aimass.worker.federated.ParticipantRowsLoader.PreparedRows;
import ai.aimass.worker.federated.RoundTaskPool;
import ai.aimass.worker.publish.DatasetProvenance;
import ai.aimass.worker.publish.EnsemblePublication;
import ai.aimass.worker.publish.ModelPublisher;
import ai.aimass.worker.queue.JobFailedException;
import ai.aimass.worker.queue.JobLease;
import ai.aimass.worker.queue.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs ensemble jobs: bagging, AdaBoost, stacking and voting, over one dataset or inside
 * each of several participants' rows.
 * <p>
 * Each participant's rows are loaded and split on their own, as for a federated job, and
 * handed to the {@link EnsembleTrainer} as separate parts, which trains each member
 * inside one part. Every trained member is recorded as one step of the job, so that its
 * owner sees progress member by member; at each step the lease is renewed, a cancel
 * request stops the job and a lost lease drops it. A member that fails fails the job,
 * naming the member, and nothing is published. An ensemble keeps no checkpoint between
 * members: a job claimed again after its worker died trains every member again and, since
 * each member's seed is drawn from the job's seed before training starts, ends with the
 * ensemble an uninterrupted run would have made; steps that the earlier attempt recorded
 * are not recorded twice.
 */
@Component
public class EnsembleCoordinator implements JobRunner {

    private static final Logger logger = LoggerFactory.getLogger(EnsembleCoordinator.class);

    private final FederatedPlanner planner;

    private final ParticipantRowsLoader loader;

    private final RoundTaskPool taskPool;

    private final JobQueue queue;

    private final ModelPublisher publisher;

    public EnsembleCoordinator(FederatedPlanner planner, ParticipantRowsLoader loader, RoundTaskPool taskPool,
            JobQueue queue, ModelPublisher publisher) {
        this.planner = planner;
        this.loader = loader;
        this.taskPool = taskPool;
        this.queue = queue;
        this.publisher = publisher;
    }

    @Override
    public String kind() {
        return JobSpec.KIND_ENSEMBLE;
    }

    @Override
    public void run(ClaimedJob job, JobLease lease) throws InterruptedException {
        FederatedPlan plan = this.planner.planEnsemble(job);
        JobSpec spec = plan.spec();
        List<ParticipantRows> parts = new ArrayList<>();
        for (ParticipantDataset participant : plan.participants()) {
            PreparedRows rows = this.loader.load(plan.dataOf(participant));
            parts.add(new ParticipantRows(participant.name(), new EncodedRows(rows.trainFeatures(), rows.trainLabels()),
                    new EncodedRows(rows.validationFeatures(), rows.validationLabels())));
        }
        EnsembleInput input = new EnsembleInput(spec.ensemble(), spec.training(), plan.preprocessor(), plan.labels(),
                parts);
        StepRecorder steps = new StepRecorder(plan, parts, job.completedRounds(), lease);
        if (!proceed(steps, plan, lease)) {
            return;
        }
        TrainedEnsemble ensemble;
        try {
            ensemble = new EnsembleTrainer(this.taskPool.executor()).train(input, steps);
        }
        catch (InterruptedException ex) {
            if (steps.cancelled) {
                return;
            }
            if (steps.leaseLost) {
                throw new LeaseLostException(plan.jobId(), lease.workerId());
            }
            throw ex;
        }
        catch (MemberTrainingException ex) {
            throw new JobFailedException("The ensemble could not be trained: " + ex.getMessage(), ex);
        }
        catch (IllegalArgumentException ex) {
            throw new JobFailedException("The ensemble cannot train on its data: " + ex.getMessage(), ex);
        }
        if (!proceed(steps, plan, lease)) {
            return;
        }
        if (ensemble.members().size() < plan.totalRounds()) {
            // AdaBoost stops adding stages once a stage is no better than chance.
            this.queue.endStepsAtCompleted(plan.jobId(), lease.workerId());
            logger.info("Stopped after {} of {} members jobId={}", ensemble.members().size(), plan.totalRounds(),
                    plan.jobId());
        }
        publish(plan, ensemble, lease);
    }

    private static boolean proceed(StepRecorder steps, FederatedPlan plan, JobLease lease) throws InterruptedException {
        boolean mayContinue = steps.mayContinue();
        if (steps.leaseLost) {
            throw new LeaseLostException(plan.jobId(), lease.workerId());
        }
        return mayContinue;
    }

    private void publish(FederatedPlan plan, TrainedEnsemble ensemble, JobLease lease) {
        List<DatasetProvenance> datasets = plan.participants()
            .stream()
            .map((participant) -> new DatasetProvenance(participant.name(), participant.datasetId(),
                    participant.artifactSha256(), participant.rowCount()))
            .toList();
        EnsemblePublication publication = new EnsemblePublication(plan.jobId(), plan.tenantId(), plan.spec(),
                plan.schema(), plan.preprocessor(), plan.labels(), datasets, ensemble);
        try {
            this.publisher.publishEnsemble(publication, lease.workerId());
        }
        catch (LeaseLostException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new JobFailedException("All " + ensemble.members().size()
                    + " members trained but the ensemble could not be published (" + ex.getClass().getSimpleName()
                    + "); the worker log has the details under jobId=" + plan.jobId(), ex);
        }
    }

    /**
     * Records each trained member as a step of the job, renewing the lease as it goes.
     * The trainer calls it from one thread at a time; stopping is signalled by
     * interrupting the training, with the reason kept in the flags.
     */
    private final class StepRecorder implements MemberListener {

        private final FederatedPlan plan;

        private final List<ParticipantRows> parts;

        private final int recordedBefore;

        private final JobLease lease;

        private long lastStepNanos = System.nanoTime();

        private volatile boolean cancelled;

        private volatile boolean leaseLost;

        StepRecorder(FederatedPlan plan, List<ParticipantRows> parts, int recordedBefore, JobLease lease) {
            this.plan = plan;
            this.parts = parts;
            this.recordedBefore = recordedBefore;
            this.lease = lease;
        }

        @Override
        public void memberTrained(int completed, int total, MemberReport report) throws InterruptedException {
            if (!mayContinue()) {
                throw new InterruptedException("stopping the ensemble of job " + this.plan.jobId());
            }
            long now = System.nanoTime();
            long stepMillis = (now - this.lastStepNanos) / 1_000_000;
            this.lastStepNanos = now;
            if (completed <= this.recordedBefore) {
                return;
            }
            ParticipantRows part = partOf(report);
            Double loss = Double.isFinite(report.trainingLoss()) ? report.trainingLoss() : null;
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("participant", part.name());
            metrics.put("exampleCount", part.train().size());
            metrics.put("validationCount", validationCount(report));
            metrics.put("loss", loss);
            metrics.put("validationAccuracy", report.validationAccuracy());
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("index", report.index());
            member.put("type", report.type());
            member.put("participant", report.participant());
            member.put("seed", report.seed());
            JobRoundEntity row = new JobRoundEntity(this.plan.jobId(), completed, 1, 1, loss,
                    report.validationAccuracy(), MlJson.mapper().writeValueAsString(List.of(metrics)), stepMillis,
                    report.trainingMillis(), Instant.now(), MlJson.mapper().writeValueAsString(member));
            EnsembleCoordinator.this.queue.recordRound(this.lease.workerId(), row, null);
            logger.info(
                    "Member {} of {} trained jobId={} member={} type={} participant={} validationAccuracy={} "
                            + "trainingMillis={}",
                    completed, total, this.plan.jobId(), report.index(), report.type(), part.name(),
                    String.format("%.4f", report.validationAccuracy()), report.trainingMillis());
        }

        private ParticipantRows partOf(MemberReport report) {
            if (report.participant() == null) {
                return this.parts.get(0);
            }
            return this.parts.stream()
                .filter((part) -> part.name().equals(report.participant()))
                .findFirst()
                .orElse(this.parts.get(0));
        }

        private int validationCount(MemberReport report) {
            if (report.participant() != null) {
                return partOf(report).validation().size();
            }
            return this.parts.stream().mapToInt((part) -> part.validation().size()).sum();
        }

        /**
         * Renews the lease: false when the job was cancelled here, an exception when it
         * was lost.
         */
        boolean mayContinue() throws InterruptedException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            LeaseState state = this.lease.renew();
            if (state == LeaseState.LOST) {
                this.leaseLost = true;
                return false;
            }
            if (state == LeaseState.CANCEL_REQUESTED) {
                EnsembleCoordinator.this.queue.cancel(this.plan.jobId(), this.lease.workerId());
                logger.info("Cancelled on request jobId={}", this.plan.jobId());
                this.cancelled = true;
                return false;
            }
            return true;
        }

    }

}
