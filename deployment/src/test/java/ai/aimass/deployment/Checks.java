package ai.aimass.deployment;

/**
 * Counts the checks that pass for one set of values, so that the build log can say how
 * many were made. A check is one AssertJ assertion about one object or container.
 */
final class Checks implements AutoCloseable {

    private final Scenario scenario;

    private int passed;

    Checks(Scenario scenario) {
        this.scenario = scenario;
    }

    /**
     * Runs one assertion and counts it when it passes.
     * @param assertion the assertion; it throws when it fails
     */
    void that(Runnable assertion) {
        assertion.run();
        this.passed++;
    }

    int passed() {
        return this.passed;
    }

    @Override
    public void close() {
        Figures.passed(this.scenario, this.passed);
    }

}
