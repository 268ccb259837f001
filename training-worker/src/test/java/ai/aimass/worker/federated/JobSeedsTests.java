package ai.aimass.worker.federated;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobSeedsTests {

    @Test
    void sameJobSeedRoundAndParticipantGiveTheSameSeed() {
        assertThat(JobSeeds.training(42, 3, 1)).isEqualTo(JobSeeds.training(42, 3, 1));
        assertThat(JobSeeds.split(42, 2)).isEqualTo(JobSeeds.split(42, 2));
        assertThat(JobSeeds.initialization(42)).isEqualTo(JobSeeds.initialization(42));
    }

    @Test
    void seedsOfEveryRoundParticipantAndPurposeDiffer() {
        Set<Long> seeds = new HashSet<>();
        for (int round = 1; round <= 50; round++) {
            for (int participant = 0; participant < 10; participant++) {
                seeds.add(JobSeeds.training(42, round, participant));
            }
        }
        for (int participant = 0; participant < 10; participant++) {
            seeds.add(JobSeeds.split(42, participant));
        }
        seeds.add(JobSeeds.initialization(42));

        assertThat(seeds).hasSize(50 * 10 + 10 + 1);
    }

    @Test
    void anotherJobSeedGivesOtherSeeds() {
        assertThat(JobSeeds.training(43, 1, 0)).isNotEqualTo(JobSeeds.training(42, 1, 0));
        assertThat(JobSeeds.split(43, 0)).isNotEqualTo(JobSeeds.split(42, 0));
    }

}
