package io.github.cwcontract.conformance.report;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints one line per test as it finishes (failures with their message) under a heading per test class.
 *
 * <p>Test classes may run in parallel. One class at a time prints live; the lines of the others are held back and
 * printed as a block when that class is done, so that each class's lines stay together.
 */
public final class ProgressPrinter implements TestExecutionListener {

    private final PrintStream out;
    private final Map<TestIdentifier, Long> started = new HashMap<>();
    /** Classes that are held back, in start order, with their lines so far. */
    private final Map<TestIdentifier, StringBuilder> heldBack = new LinkedHashMap<>();
    private final List<TestIdentifier> finished = new ArrayList<>();
    private TestIdentifier live;
    private TestPlan plan;

    public ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        started.put(id, System.nanoTime());
        if (isClass(id)) {
            heldBack.put(id, new StringBuilder());
            line(id, "\n" + id.getDisplayName());
            if (live == null) {
                goLive(id);
            }
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (isClass(id)) {
            String block = "\n" + id.getDisplayName() + "\n  SKIP all (" + reason + ")\n";
            if (live == null) {
                print(block);
            } else {
                heldBack.put(id, new StringBuilder(block));
                finished.add(id);
            }
        } else {
            line(id, "  SKIP " + TestNames.withinClass(plan, id) + " (" + reason + ")");
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
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
            if (id.equals(live)) {
                live = null;
                finished.forEach(done -> print(heldBack.remove(done).toString()));
                finished.clear();
                heldBack.keySet().stream().findFirst().ifPresent(this::goLive);
            } else {
                finished.add(id);
            }
        }
    }

    /** Prints what the class has so far and lets its further lines through at once. */
    private void goLive(TestIdentifier testClass) {
        live = testClass;
        print(heldBack.remove(testClass).toString());
    }

    private void line(TestIdentifier id, String line) {
        TestIdentifier testClass = TestNames.testClass(plan, id).orElse(null);
        StringBuilder block = testClass == null ? null : heldBack.get(testClass);
        if (block == null) {
            print(line + "\n");
        } else {
            block.append(line).append('\n');
        }
    }

    private void print(String text) {
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
