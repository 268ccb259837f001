package ai.aimass.ml.spec;

import java.util.List;

/**
 * What a job needs of the worker that runs it.
 * <p>
 * Workers say which accelerator they have ({@code aimass.worker.accelerator}); a job that
 * asks for a GPU waits for a GPU worker, one that asks for a CPU leaves GPU workers to
 * others, and a job that asks for neither goes to whichever worker is free first.
 *
 * @param accelerator {@code any} (the default), {@code gpu} or {@code cpu}
 */
public record ResourcesSpec(String accelerator) {

    /** Any worker may run the job. */
    public static final String ACCELERATOR_ANY = "any";

    /** Only a worker with a GPU may run the job. */
    public static final String ACCELERATOR_GPU = "gpu";

    /** Only a worker without a GPU may run the job. */
    public static final String ACCELERATOR_CPU = "cpu";

    /** The accepted accelerators of a job. */
    public static final List<String> ACCELERATORS = List.of(ACCELERATOR_ANY, ACCELERATOR_GPU, ACCELERATOR_CPU);

    public ResourcesSpec {
        accelerator = (accelerator != null) ? accelerator : ACCELERATOR_ANY;
    }

    /**
     * Returns the resources of a spec that names none.
     * @return any accelerator
     */
    public static ResourcesSpec defaults() {
        return new ResourcesSpec(null);
    }

    void collectProblems(String path, List<String> problems) {
        SpecProblems.requireOneOf(problems, path + ".accelerator", this.accelerator, ACCELERATORS);
    }

}
