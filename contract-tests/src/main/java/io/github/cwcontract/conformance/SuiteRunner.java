package io.github.cwcontract.conformance;

import io.github.cwcontract.conformance.junit.ConformanceTags;
import io.github.cwcontract.conformance.report.ConformanceReport;
import io.github.cwcontract.conformance.report.ProgressPrinter;
import io.github.cwcontract.conformance.report.Summary;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs the suite's test classes through the JUnit Platform Launcher. */
public final class SuiteRunner {

    /**
     * Test classes run two at a time, the tests of one class in order on one thread: the scenarios are sequences
     * of steps, while classes share nothing but the target (each creates its own contacts). Against a remote
     * deployment this halves the time spent waiting for answers.
     */
    private static final Map<String, String> PARALLEL_CLASSES = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2",
            "junit.jupiter.execution.parallel.config.executor-service", "FORK_JOIN_POOL");

    private SuiteRunner() {
    }

    /**
     * @param configuration the target as JUnit configuration parameters (see {@code Target})
     * @param mock          run the example checks for a mock instead of the server checks
     * @param reportDir     where to write the JUnit XML and the Markdown report, or null for none
     * @param title         the report's description of the target
     * @param out           where progress goes
     * @param listeners     further listeners, e.g. a test's own collector
     */
    public static Summary run(Map<String, String> configuration, boolean mock, Path reportDir, String title,
                              PrintStream out, TestExecutionListener... listeners) {
        LauncherDiscoveryRequest discovery = request()
                .selectors(selectPackage(SuiteRunner.class.getPackageName()))
                .filters(TagFilter.includeTags(mock ? ConformanceTags.MOCK : ConformanceTags.SERVER))
                .configurationParameters(PARALLEL_CLASSES)
                .configurationParameters(configuration)
                .build();
        Summary summary = new Summary();
        List<TestExecutionListener> all = new ArrayList<>(List.of(summary, new ProgressPrinter(out)));
        if (reportDir != null) {
            all.add(new LegacyXmlReportGeneratingListener(reportDir, new PrintWriter(out, true)));
            all.add(new ConformanceReport(reportDir, title, summary));
        }
        all.addAll(List.of(listeners));
        LauncherFactory.create().execute(discovery, all.toArray(TestExecutionListener[]::new));
        return summary;
    }
}
