package ai.aimass.worker.federated;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.aimass.worker.WorkerProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that run round tasks and ensemble members,
 * {@code aimass.worker.task-threads} of them, apart from the threads that coordinate
 * jobs, so that a coordinator waiting for its tasks never holds a thread that one of them
 * needs.
 */
@Component
public class RoundTaskPool implements DisposableBean {

    private final ExecutorService executor;

    public RoundTaskPool(WorkerProperties properties) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(properties.taskThreads(), (runnable) -> {
            Thread thread = new Thread(runnable, "aimass-round-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues a task.
     * @param <T> the task's result type
     * @param task the task
     * @return its future
     */
    public <T> Future<T> submit(Callable<T> task) {
        return this.executor.submit(task);
    }

    /**
     * Returns the pool itself, for work that fans out on its own, such as the members of
     * an ensemble.
     * @return the executor
     */
    public ExecutorService executor() {
        return this.executor;
    }

    @Override
    public void destroy() {
        this.executor.shutdownNow();
    }

}
