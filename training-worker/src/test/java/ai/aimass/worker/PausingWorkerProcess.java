package ai.aimass.worker;

import java.time.Duration;

import org.springframework.context.support.GenericApplicationContext;

/**
 * A real worker process for {@link WorkerKilledMidJobTests}: the worker application as it
 * ships, plus a pause after each recorded round (system property
 * {@code aimass.test.round-pause}, ISO-8601) so that the test can kill it between two
 * rounds.
 */
public final class PausingWorkerProcess {

    private PausingWorkerProcess() {
    }

    public static void main(String[] args) {
        Duration pause = Duration.parse(System.getProperty("aimass.test.round-pause", "PT1S"));
        TrainingWorkerApplication.builder()
            .initializers((context) -> ((GenericApplicationContext) context).registerBean(PacedRounds.class,
                    () -> new PacedRounds(pause)))
            .run(args);
    }

}
