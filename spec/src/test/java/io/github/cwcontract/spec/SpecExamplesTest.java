package io.github.cwcontract.spec;

import com.atlassian.oai.validator.report.ValidationReport;
import io.github.cwcontract.spec.ExampleWalker.ExampleCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every example in the contract matches the schema it belongs to: schema examples, parameter and header examples,
 * media-type {@code example}/{@code examples}, and components/examples wherever they are referenced.
 * One dynamic test per example.
 */
class SpecExamplesTest {

    /** The contract documents most schemas, parameters and responses with examples. */
    static final int MINIMUM_EXAMPLES = 31;

    private static Contract contract;
    private static ExampleWalker walker;
    private static List<ExampleCase> cases;

    @BeforeAll
    static void walk() {
        contract = Contract.get();
        assertNotNull(contract.api, () -> "the contract does not parse: " + contract.parseResult.getMessages());
        walker = new ExampleWalker(contract.api, contract.raw);
        cases = walker.walk();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsSchema() {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private static void check(ExampleCase c) {
        if (c.problem() != null) {
            fail(c.location().pointer() + ": " + c.problem());
        }
        ValidationReport report = contract.validate(c.value(), c.schema(), c.keyPrefix());
        assertFalse(report.hasErrors(), () -> "example at " + c.location().pointer()
                + (c.ref() == null ? "" : " (" + c.ref() + ")") + " does not match its schema:\n"
                + Contract.describe(report) + "\nvalue: " + c.value());
    }

    @Test
    void theContractHasManyExamples() {
        assertTrue(cases.size() >= MINIMUM_EXAMPLES,
                "expected at least " + MINIMUM_EXAMPLES + " examples, found " + cases.size());
    }

    @Test
    void everyExampleInTheDocumentIsChecked() {
        Set<String> missed = new LinkedHashSet<>(ExampleWalker.examplePointersInDocument(contract.raw));
        missed.removeAll(walker.visitedPointers());
        assertTrue(missed.isEmpty(), () -> "examples not reached by the walk (so never checked):\n  "
                + String.join("\n  ", missed));
    }

    @Test
    void everyComponentExampleIsUsed() {
        List<String> unused = new ArrayList<>();
        for (Iterator<String> it = contract.raw.path("components").path("examples").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!walker.usedComponentExamples().contains(name)) {
                unused.add(name);
            }
        }
        assertTrue(unused.isEmpty(), () -> "components/examples never referenced from a parameter or media type, "
                + "so never checked against a schema: " + unused);
    }
}
