package ai.aimass.worker;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ai.aimass.worker.federated.RecordedRound;
import ai.aimass.worker.federated.RoundListener;

/**
 * Slows chosen jobs down after each recorded round, so that a test can act between two
 * rounds (cancel, stop, kill) before the job ends.
 */
class PacedRounds implements RoundListener {

    private final Map<UUID, Duration> pauses = new ConcurrentHashMap<>();

    private final Duration pauseForEveryJob;

    PacedRounds(Duration pauseForEveryJob) {
        this.pauseForEveryJob = pauseForEveryJob;
    }

    void pauseAfterEachRound(UUID jobId, Duration pause) {
        this.pauses.put(jobId, pause);
    }

    @Override
    public void roundRecorded(RecordedRound round) {
        Duration pause = this.pauses.getOrDefault(round.jobId(), this.pauseForEveryJob);
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
