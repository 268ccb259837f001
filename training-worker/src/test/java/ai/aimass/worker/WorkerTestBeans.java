package ai.aimass.worker;

import java.time.Duration;

import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.dataset.DatasetRepository;
import ai.aimass.data.job.JobRepository;
import ai.aimass.data.tenant.TenantRepository;
import ai.aimass.data.user.UserRepository;
import ai.aimass.worker.federated.LocalParticipantTaskRunner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The test doubles and helpers of the worker's Spring tests. It carries no stereotype, so
 * that component scanning (also in a worker process that a test starts) never picks it
 * up; tests import it.
 */
class WorkerTestBeans {

    @Bean
    @Primary
    ScriptedTaskRunner scriptedTaskRunner(LocalParticipantTaskRunner localRunner) {
        return new ScriptedTaskRunner(localRunner);
    }

    @Bean
    PacedRounds pacedRounds() {
        return new PacedRounds(Duration.ZERO);
    }

    @Bean
    WorkerFixtures workerFixtures(TenantRepository tenants, UserRepository users, DatasetRepository datasets,
            JobRepository jobs, ArtifactStore artifacts) {
        return new WorkerFixtures(tenants, users, datasets, jobs, artifacts);
    }

}
