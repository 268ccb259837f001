package ai.aimass.deployment;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the render figures once every test of the module has run. */
public class FiguresListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Figures.hasAny()) {
            System.out.println(Figures.report());
        }
    }

}
