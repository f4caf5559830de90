package io.github.cwcontract.conformance.deviation;

import io.github.cwcontract.conformance.SuiteRunner;
import io.github.cwcontract.conformance.report.ConformanceReport;
import io.github.cwcontract.conformance.report.Summary;
import io.github.cwcontract.conformance.deployment.ReferenceServer;
import io.github.cwcontract.conformance.deployment.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite must fail against a server that breaks the contract: a proxy in front of the reference server breaks it
 * in one way at a time, and the check that covers that way must fail and say what is wrong.
 */
@DisplayName("The suite detects servers that break the contract")
class DeviationDetectionTest {

    /** The reference server answers at once; waiting longer only slows the runs a deviation breaks. */
    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(2);

    private static ReferenceServer.Running reference;

    @BeforeAll
    static void startReferenceServer() {
        reference = ReferenceServer.start();
    }

    @AfterAll
    static void stopReferenceServer() throws Exception {
        reference.close();
    }

    @Test
    @DisplayName("the suite passes through the proxy when it changes nothing")
    void transparentProxy() throws IOException {
        try (DeviatingProxy proxy = new DeviatingProxy(reference.target().baseUrl(), Rewrite.NONE)) {
            Run run = run(proxy, null);
            assertEquals(0, run.summary.failed(), () -> "failures through a transparent proxy: " + run.failures);
            assertEquals(0, run.summary.skipped(), () -> "skipped through a transparent proxy:\n" + run.progress);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Deviation.class)
    @DisplayName("the suite fails and names the deviation, in its output and in its report")
    void detects(Deviation deviation, @TempDir Path reports) throws IOException {
        try (DeviatingProxy proxy = new DeviatingProxy(reference.target().baseUrl(),
                deviation.rewrite(reference.target()))) {
            Run run = run(proxy, reports);
            assertTrue(run.summary.failed() > 0, "the suite passed against " + deviation);
            String message = run.failures.entrySet().stream()
                    .filter(f -> f.getKey().contains(deviation.failingCheck()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionFailedError("no failure of '" + deviation.failingCheck()
                            + "' against " + deviation + "; failed: " + run.failures.keySet()));
            assertTrue(message.contains(deviation.expectedMessage()),
                    () -> "the failure of '" + deviation.failingCheck() + "' does not say '"
                            + deviation.expectedMessage() + "': " + message);

            String report = Files.readString(reports.resolve(ConformanceReport.FILE_NAME));
            String failures = report.substring(report.indexOf("## Failures"));
            assertTrue(failures.contains(deviation.failingCheck()) && failures.contains(deviation.expectedMessage())
                    && failures.contains("```sh\ncurl "), () -> "the report does not show the failure of '"
                    + deviation.failingCheck() + "' with its message and a curl command:\n" + failures);
        }
    }

    /** Runs the suite through the proxy; with a report directory, the reports are written there. */
    private static Run run(DeviatingProxy proxy, Path reports) {
        Target direct = reference.target();
        Target proxied = new Target(proxy.baseUri(), direct.inbox(), direct.hmacInbox(), direct.hmacToken(),
                ASYNC_TIMEOUT);
        FailureCollector failures = new FailureCollector();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Summary summary = SuiteRunner.run(proxied.toParameters(), false, reports, "Through a deviating proxy.",
                new PrintStream(progress, true, StandardCharsets.UTF_8), failures);
        return new Run(summary, failures.failures, progress.toString(StandardCharsets.UTF_8));
    }

    private record Run(Summary summary, Map<String, String> failures, String progress) {
    }
}
