package ai.aimass.worker;

import ai.aimass.data.PlatformDataConfiguration;
import ai.aimass.worker.queue.WorkerIdentity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The training worker: claims queued jobs from the shared database, runs them round by
 * round with checkpoints and publishes the resulting model versions.
 * <p>
 * Any number of workers may run against one database; the job queue makes sure that each
 * job has one worker at a time and that a dead worker's job is taken over.
 */
@SpringBootApplication
@Import(PlatformDataConfiguration.class)
@EnableConfigurationProperties(WorkerProperties.class)
public class TrainingWorkerApplication {

    /**
     * Returns a builder for the worker with its own configuration file,
     * {@code training-worker.properties}, so that it can share a classpath with the other
     * services.
     * @return the builder
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TrainingWorkerApplication.class)
            .properties("spring.config.name=training-worker");
    }

    /**
     * Returns the name under which this worker holds job leases, unique to this process.
     * @return the identity
     */
    @Bean
    WorkerIdentity workerIdentity() {
        return WorkerIdentity.generate();
    }

    public static void main(String[] args) {
        builder().run(args);
    }

}
