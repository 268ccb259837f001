package ai.aimass.deployment;

import java.util.Map;
import java.util.TreeMap;

/**
 * The render figures of one test run: per set of values, how many objects the chart
 * rendered, how many of them passed the Kubernetes schemas and how many checks passed.
 * {@link FiguresListener} prints them after the last test, for the build log.
 */
final class Figures {

    private static final Map<String, int[]> byScenario = new TreeMap<>();

    private Figures() {
    }

    static synchronized void rendered(Scenario scenario, int objectCount) {
        figures(scenario)[0] = objectCount;
    }

    static synchronized void validated(Scenario scenario, int objectCount) {
        figures(scenario)[1] = objectCount;
    }

    static synchronized void passed(Scenario scenario, int checkCount) {
        figures(scenario)[2] += checkCount;
    }

    static synchronized boolean hasAny() {
        return !byScenario.isEmpty();
    }

    static synchronized String report() {
        StringBuilder report = new StringBuilder("Chart figures:");
        byScenario.forEach((name, figures) -> report.append(System.lineSeparator())
            .append("  ")
            .append(name)
            .append(": ")
            .append(figures[0])
            .append(" objects rendered, ")
            .append(figures[1])
            .append(" validated against the Kubernetes schemas, ")
            .append(figures[2])
            .append(" checks passed"));
        return report.toString();
    }

    private static int[] figures(Scenario scenario) {
        return byScenario.computeIfAbsent(scenario.name(), (name) -> new int[3]);
    }

}
