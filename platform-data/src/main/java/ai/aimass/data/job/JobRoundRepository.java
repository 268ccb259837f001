package ai.aimass.data.job;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The rounds of a job in order. */
public interface JobRoundRepository extends JpaRepository<JobRoundEntity, JobRoundEntity.Key> {

    List<JobRoundEntity> findByJobIdOrderByRoundNumber(UUID jobId);

}
