package io.github.cwcontract.conformance.report;

import io.github.cwcontract.conformance.contract.Contract;
import io.github.cwcontract.conformance.contract.ContractOperation;
import io.github.cwcontract.conformance.validation.Interaction;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes {@code conformance-report.md}: the operation × status coverage matrix built from the validated
 * interactions, then every failure with its requests as curl commands and the validator's findings.
 */
public final class ConformanceReport implements TestExecutionListener {

    public static final String FILE_NAME = "conformance-report.md";

    private final Path directory;
    private final String title;
    private final Summary summary;
    private final Map<TestIdentifier, List<Interaction>> interactions = new LinkedHashMap<>();
    private final Map<TestIdentifier, TestExecutionResult> failures = new LinkedHashMap<>();
    private final Map<TestIdentifier, String> skips = new LinkedHashMap<>();
    private TestPlan plan;

    /**
     * @param directory where to write the report
     * @param title     what was checked (target and mode), shown at the top
     * @param summary   the run's counts, registered as a listener too
     */
    public ConformanceReport(Path directory, String title, Summary summary) {
        this.directory = directory;
        this.title = title;
        this.summary = summary;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        String json = entry.getKeyValuePairs().get(Interaction.REPORT_ENTRY_KEY);
        if (json != null) {
            interactions.computeIfAbsent(id, k -> new ArrayList<>()).add(Interaction.fromJson(json));
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        skips.put(id, reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        switch (result.getStatus()) {
            case FAILED -> failures.put(id, result);
            case ABORTED -> skips.put(id, result.getThrowable().map(Throwable::getMessage).orElse(""));
            case SUCCESSFUL -> { }
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(FILE_NAME), render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory, e);
        }
    }

    private String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Chatwoot Public API conformance report\n\n")
                .append(title).append("\n\n")
                .append("Run at ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(". Every request and response was validated against the contract `").append(Contract.RESOURCE)
                .append("`.\n\n**Result: ").append(summary.line()).append("**\n\n");
        renderCoverage(md);
        renderFailures(md);
        renderSkips(md);
        return md.toString();
    }

    private void renderCoverage(StringBuilder md) {
        List<Interaction> all = interactions.values().stream().flatMap(List::stream).toList();
        Map<String, Set<String>> seen = new TreeMap<>();
        Map<String, Set<String>> broken = new TreeMap<>();
        for (Interaction interaction : all) {
            if (interaction.operationId() != null && interaction.status() > 0) {
                String status = String.valueOf(interaction.status());
                seen.computeIfAbsent(interaction.operationId(), k -> new TreeSet<>()).add(status);
                if (!interaction.conforms()) {
                    broken.computeIfAbsent(interaction.operationId(), k -> new TreeSet<>()).add(status);
                }
            }
        }
        List<ContractOperation> operations = Contract.load().operations();
        Set<String> columns = operations.stream().flatMap(o -> o.statuses().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        int declared = 0;
        int exercised = 0;
        List<String> notExercised = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        StringBuilder table = new StringBuilder("| operation | request |");
        columns.forEach(c -> table.append(' ').append(c).append(" |"));
        table.append("\n|---|---|").append("---|".repeat(columns.size())).append('\n');
        for (ContractOperation operation : operations) {
            String id = operation.operationId();
            Set<String> seenHere = seen.getOrDefault(id, Set.of());
            Set<String> brokenHere = broken.getOrDefault(id, Set.of());
            table.append("| `").append(id).append("` | ").append(operation.method()).append(' ')
                    .append(operation.path()).append(" |");
            for (String column : columns) {
                String cell = "";
                if (operation.statuses().contains(column)) {
                    declared++;
                    if (seenHere.contains(column)) {
                        exercised++;
                        cell = brokenHere.contains(column) ? "✘" : "✔";
                    } else {
                        cell = "·";
                        notExercised.add("`" + id + "` " + column
                                + Unprovokable.reason(id, column).map(r -> ": " + r).orElse(""));
                    }
                }
                table.append(' ').append(cell).append(" |");
            }
            table.append('\n');
            for (String status : seenHere) {
                if (!operation.statuses().contains(status)) {
                    undeclared.add("`" + id + "` answered **" + status + "**, which the contract does not declare");
                }
            }
        }
        all.stream().filter(i -> i.operationId() == null).map(i -> i.method() + " " + i.url()).distinct()
                .forEach(r -> undeclared.add("a request outside the contract: " + r));

        md.append("## Coverage: operation × status\n\n")
                .append(exercised).append(" of ").append(declared)
                .append(" declared operation/status pairs exercised. ✔ exercised and valid, ✘ exercised with "
                        + "contract violations, · declared but not exercised.\n\n")
                .append(table).append('\n');
        if (!undeclared.isEmpty()) {
            md.append("### Responses outside the contract\n\n");
            undeclared.forEach(u -> md.append("- ").append(u).append('\n'));
            md.append('\n');
        }
        if (!notExercised.isEmpty()) {
            md.append("### Declared but not exercised\n\n");
            notExercised.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
    }

    private void renderFailures(StringBuilder md) {
        md.append("## Failures\n\n");
        if (failures.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        failures.forEach((id, result) -> {
            md.append("### ").append(TestNames.full(plan, id)).append("\n\n```text\n")
                    .append(result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("(no message)"))
                    .append("\n```\n\n");
            List<Interaction> made = interactions.getOrDefault(id, List.of());
            List<Interaction> violations = made.stream().filter(i -> !i.conforms()).toList();
            if (!violations.isEmpty()) {
                violations.forEach(i -> renderInteraction(md, i));
            } else if (!made.isEmpty()) {
                md.append("Last request of the test (").append(made.size()).append(" in all):\n\n");
                renderInteraction(md, made.get(made.size() - 1));
            }
        });
    }

    private static void renderInteraction(StringBuilder md, Interaction interaction) {
        md.append("`").append(interaction.operationId() == null ? "outside the contract" : interaction.operationId())
                .append("` answered ").append(interaction.status() < 0 ? "nothing" : interaction.status())
                .append(interaction.contentType() == null ? "" : " (" + interaction.contentType() + ")").append("\n\n");
        if (interaction.error() != null) {
            md.append("Error: `").append(interaction.error()).append("`\n\n");
        }
        if (!interaction.findings().isEmpty()) {
            md.append("Validator findings:\n\n");
            interaction.findings().forEach(f -> md.append("- ").append(f.replace("\n", "\n  ")).append('\n'));
            md.append('\n');
        }
        md.append("```sh\n").append(interaction.curl()).append("\n```\n\n");
        if (interaction.responseBody() != null) {
            md.append("Response body:\n\n```json\n").append(interaction.responseBody()).append("\n```\n\n");
        }
    }

    private void renderSkips(StringBuilder md) {
        if (skips.isEmpty()) {
            return;
        }
        md.append("## Skipped\n\n");
        skips.forEach((id, reason) -> md.append("- ").append(TestNames.full(plan, id)).append(": ")
                .append(reason).append('\n'));
        md.append('\n');
    }
}
