package io.github.cwcontract.conformance.deviation;

import io.github.cwcontract.conformance.report.TestNames;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.LinkedHashMap;
import java.util.Map;

/** The failed checks of a suite run: full test name → failure message. */
final class FailureCollector implements TestExecutionListener {

    final Map<String, String> failures = new LinkedHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            failures.put(TestNames.full(plan, id),
                    result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(""));
        }
    }
}
