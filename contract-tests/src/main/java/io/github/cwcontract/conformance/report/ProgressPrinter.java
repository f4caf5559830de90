package io.github.cwcontract.conformance.report;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints one line per test, failures with their message, under a heading per test class. Test classes may run in
 * parallel, so each class's lines are collected and printed together when the class is done.
 */
public final class ProgressPrinter implements TestExecutionListener {

    private final PrintStream out;
    private final Map<TestIdentifier, Long> started = new ConcurrentHashMap<>();
    private final Map<TestIdentifier, StringBuilder> blocks = new ConcurrentHashMap<>();
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
            blocks.put(id, new StringBuilder("\n").append(id.getDisplayName()).append('\n'));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isClass(id)) {
            print("\n" + id.getDisplayName() + "\n  SKIP all (" + reason + ")\n");
        } else {
            line(id, "  SKIP " + TestNames.withinClass(plan, id) + " (" + reason + ")");
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
        if (id.isTest() || failed) {
            long millis = (System.nanoTime() - started.getOrDefault(id, System.nanoTime())) / 1_000_000;
            String name = isClass(id) ? "(set-up of the class)" : TestNames.withinClass(plan, id);
            switch (result.getStatus()) {
                case SUCCESSFUL -> line(id, "  PASS " + name + " (" + millis + " ms)");
                case ABORTED -> line(id, "  SKIP " + name + " (" + reason(result) + ")");
                case FAILED -> line(id, "  FAIL " + name + " (" + millis + " ms)\n       "
                        + reason(result).replace("\n", "\n       "));
            }
        }
        if (isClass(id)) {
            StringBuilder block = blocks.remove(id);
            if (block != null) {
                print(block.toString());
            }
        }
    }

    private void line(TestIdentifier id, String line) {
        StringBuilder block = TestNames.testClass(plan, id).map(blocks::get).orElse(null);
        if (block == null) {
            print(line + "\n");
        } else {
            synchronized (block) {
                block.append(line).append('\n');
            }
        }
    }

    private synchronized void print(String text) {
        out.print(text);
        out.flush();
    }

    private static String reason(TestExecutionResult result) {
        return result.getThrowable().map(t -> t.getMessage() == null ? t.toString() : t.getMessage()).orElse("");
    }

    private static boolean isClass(TestIdentifier id) {
        return id.getSource().filter(ClassSource.class::isInstance).isPresent();
    }
}
