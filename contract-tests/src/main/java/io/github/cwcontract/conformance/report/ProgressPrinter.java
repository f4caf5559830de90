package io.github.cwcontract.conformance.report;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prints one line per test as it finishes, under a heading per test class; failures with their message. */
public final class ProgressPrinter implements TestExecutionListener {

    private final PrintStream out;
    private final Map<TestIdentifier, Long> started = new ConcurrentHashMap<>();
    private TestPlan plan;

    public ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id, System.nanoTime());
        if (isClass(id)) {
            out.println();
            out.println(id.getDisplayName());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isClass(id)) {
            out.println();
            out.println(id.getDisplayName());
        }
        out.println("  SKIP " + TestNames.withinClass(plan, id) + " (" + reason + ")");
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean failedContainer = !id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED;
        if (!id.isTest() && !failedContainer) {
            return;
        }
        long millis = (System.nanoTime() - started.getOrDefault(id, System.nanoTime())) / 1_000_000;
        String name = failedContainer && isClass(id) ? "(set-up of the class)" : TestNames.withinClass(plan, id);
        switch (result.getStatus()) {
            case SUCCESSFUL -> out.println("  PASS " + name + " (" + millis + " ms)");
            case ABORTED -> out.println("  SKIP " + name + " (" + reason(result) + ")");
            case FAILED -> {
                out.println("  FAIL " + name + " (" + millis + " ms)");
                out.println("       " + reason(result).replace("\n", "\n       "));
            }
        }
        out.flush();
    }

    private static String reason(TestExecutionResult result) {
        return result.getThrowable().map(t -> t.getMessage() == null ? t.toString() : t.getMessage()).orElse("");
    }

    private static boolean isClass(TestIdentifier id) {
        return id.getSource().filter(ClassSource.class::isInstance).isPresent();
    }
}
