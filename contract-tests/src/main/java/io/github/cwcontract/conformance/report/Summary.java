package io.github.cwcontract.conformance.report;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts tests: passed, failed, skipped (skipped or aborted, e.g. a step whose prerequisite is missing). A failing
 * container (e.g. a class whose set-up failed) counts as one failure; tests that never ran below a skipped or
 * failed container count as skipped. Test classes may run in parallel, hence the synchronisation.
 */
public final class Summary implements TestExecutionListener {

    private TestPlan plan;
    private final Set<TestIdentifier> reported = new HashSet<>();
    private int passed;
    private int failed;
    private int skipped;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        reported.add(id);
        if (id.isTest()) {
            skipped++;
        } else {
            skipped += notYetReportedTests(id);
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        reported.add(id);
        TestExecutionResult.Status status = result.getStatus();
        if (id.isTest()) {
            switch (status) {
                case SUCCESSFUL -> passed++;
                case FAILED -> failed++;
                case ABORTED -> skipped++;
            }
        } else {
            if (status == TestExecutionResult.Status.FAILED) {
                failed++;
            }
            skipped += notYetReportedTests(id);
        }
    }

    private int notYetReportedTests(TestIdentifier container) {
        int count = 0;
        for (TestIdentifier descendant : plan.getDescendants(container)) {
            if (descendant.isTest() && reported.add(descendant)) {
                count++;
            }
        }
        return count;
    }

    public synchronized int passed() {
        return passed;
    }

    public synchronized int failed() {
        return failed;
    }

    public synchronized int skipped() {
        return skipped;
    }

    /** The result line, exactly {@code N passed, N failed, N skipped}. */
    public synchronized String line() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
