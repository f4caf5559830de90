package io.github.cwcontract.spec;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payloads a real Chatwoot server sends (copied from the reference) match their component schemas, and broken
 * variants of them do not. The list of payloads and schemas is {@code payloads/index.properties}.
 */
class ReferencePayloadsTest {

    private static final String INDEX = "payloads/index.properties";

    /** One line of the index. */
    record Entry(String file, String schema, String keyword, String where) {
        boolean valid() {
            return file.startsWith("valid/");
        }
    }

    private static Contract contract;
    private static Path payloads;
    private static List<Entry> entries;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        contract = Contract.get();
        assertNotNull(contract.api, () -> "the contract does not parse: " + contract.parseResult.getMessages());
        URL index = ReferencePayloadsTest.class.getClassLoader().getResource(INDEX);
        assertNotNull(index, INDEX + " missing from the test classpath");
        payloads = Paths.get(index.toURI()).getParent();
        entries = parse(Files.readAllLines(Paths.get(index.toURI()), StandardCharsets.UTF_8));
    }

    private static List<Entry> parse(List<String> lines) {
        Map<String, Entry> byFile = new LinkedHashMap<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(INDEX + ": no '=' in: " + line);
            }
            String file = l.substring(0, eq).strip();
            String[] parts = l.substring(eq + 1).split(",");
            Entry entry;
            if (file.startsWith("valid/")) {
                if (parts.length != 1) {
                    throw new IllegalArgumentException(INDEX + ": a valid payload names only a schema: " + line);
                }
                entry = new Entry(file, parts[0].strip(), null, null);
            } else if (file.startsWith("invalid/")) {
                if (parts.length != 3) {
                    throw new IllegalArgumentException(INDEX + ": an invalid payload needs <Schema>, <keyword>, <where>: " + line);
                }
                entry = new Entry(file, parts[0].strip(), parts[1].strip(), parts[2].strip());
            } else {
                throw new IllegalArgumentException(INDEX + ": files live under valid/ or invalid/: " + line);
            }
            if (byFile.put(file, entry) != null) {
                throw new IllegalArgumentException(INDEX + ": listed twice: " + file);
            }
        }
        return new ArrayList<>(byFile.values());
    }

    @TestFactory
    Stream<DynamicTest> validPayloadsMatch() {
        return entries.stream().filter(Entry::valid).map(e -> DynamicTest.dynamicTest(
                e.file() + " matches " + e.schema(), () -> {
                    ValidationReport report = validate(e);
                    assertFalse(report.hasErrors(), () -> e.file() + " does not match #/components/schemas/"
                            + e.schema() + ":\n" + Contract.describe(report));
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalidPayloadsAreRejected() {
        return entries.stream().filter(e -> !e.valid()).map(e -> DynamicTest.dynamicTest(
                e.file() + " does not match " + e.schema() + " (" + e.keyword() + ": " + e.where() + ")", () -> {
                    ValidationReport report = validate(e);
                    assertTrue(report.hasErrors(), () -> e.file() + " should fail against #/components/schemas/"
                            + e.schema() + " but passes");
                    String key = "validation." + Contract.RESPONSE_BODY + ".schema." + e.keyword();
                    Optional<ValidationReport.Message> expected = flatten(report.getMessages())
                            .filter(m -> m.getKey().equals(key))
                            .filter(m -> mentions(m, e.where()))
                            .findFirst();
                    assertTrue(expected.isPresent(), () -> e.file() + ": expected an error " + key + " at/about '"
                            + e.where() + "', got:\n" + Contract.describe(report));
                }));
    }

    @Test
    void indexAndFilesAgree() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(payloads)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> payloads.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("index.properties"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = entries.stream().map(Entry::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unlisted = new TreeSet<>(onDisk);
        unlisted.removeAll(listed);
        Set<String> absent = new TreeSet<>(listed);
        absent.removeAll(onDisk);
        assertTrue(unlisted.isEmpty(), () -> "payload files missing from " + INDEX + ": " + unlisted);
        assertTrue(absent.isEmpty(), () -> INDEX + " lists files that do not exist: " + absent);
    }

    @Test
    void everyNamedSchemaExists() {
        List<String> missing = entries.stream().map(Entry::schema).distinct()
                .filter(s -> !contract.hasComponentSchema(s)).toList();
        assertTrue(missing.isEmpty(), () -> "schemas named in " + INDEX + " but not in components/schemas: " + missing);
    }

    @Test
    void thereArePositiveAndNegativeFixtures() {
        assertTrue(entries.stream().filter(Entry::valid).count() >= 12, "fewer valid payloads than E1-E12");
        assertEquals(true, entries.stream().anyMatch(e -> !e.valid()), "no invalid payloads");
    }

    private static ValidationReport validate(Entry e) throws IOException {
        assertTrue(contract.hasComponentSchema(e.schema()), () -> "no schema #/components/schemas/" + e.schema());
        JsonNode payload = Contract.readJson(Files.readString(payloads.resolve(e.file()), StandardCharsets.UTF_8));
        return contract.validate(payload, Contract.componentSchema(e.schema()), Contract.RESPONSE_BODY);
    }

    private static Stream<ValidationReport.Message> flatten(List<ValidationReport.Message> messages) {
        return messages.stream().flatMap(m -> Stream.concat(Stream.of(m), flatten(m.getNestedMessages())));
    }

    private static boolean mentions(ValidationReport.Message m, String where) {
        boolean atPointer = m.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(p -> where.equals(p.getInstance()))
                .orElse(false);
        return atPointer || m.getMessage().contains(where)
                || m.getAdditionalInfo().stream().anyMatch(info -> info.contains(where));
    }
}
