package ai.aimass.worker;

import ai.aimass.data.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context that the worker's database tests share: a worker on a random
 * port against the test PostgreSQL, polling every 100 ms with a 3 s lease and two jobs at
 * once.
 */
@SpringBootTest(classes = TrainingWorkerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=training-worker", "aimass.worker.poll-interval=100ms",
                "aimass.worker.lease=3s", "aimass.worker.max-concurrent-jobs=2", "aimass.worker.task-threads=2" })
@Import(WorkerTestBeans.class)
abstract class WorkerIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerProperties(registry);
    }

}
