package io.github.cwcontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's house rules, checked on the document as written (the same rules as .spectral.yaml, so that
 * {@code mvn verify} alone enforces them).
 */
class HouseRulesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** camelCase, a lower-case verb followed by at least one capitalised word: getInbox, createMessage. */
    private static final Pattern OPERATION_ID = Pattern.compile("^[a-z]+(?:[A-Z][a-z0-9]*)+$");
    private static final String RESPONSES_PREFIX = "#/components/responses/";
    private static final Set<String> COMPOSITION = Set.of("$ref", "allOf", "oneOf", "anyOf", "not");

    private static JsonNode raw;

    /** An operation as written: where it is, and its node. */
    record Op(String where, JsonNode node) {
    }

    @BeforeAll
    static void load() {
        raw = Contract.get().raw;
    }

    private static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = raw.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                if (METHODS.contains(op.getKey())) {
                    ops.add(new Op(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
                }
            }
        }
        return ops;
    }

    private static void assertNoViolations(String rule, List<String> violations) {
        assertTrue(violations.isEmpty(), () -> rule + " (" + violations.size() + " violations):\n  "
                + String.join("\n  ", violations));
    }

    @Test
    void thereAreOperations() {
        assertTrue(!operations().isEmpty(), "no operations under paths");
    }

    @Test
    void everyOperationHasACamelCaseVerbNounOperationId() {
        List<String> violations = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Op op : operations()) {
            String id = op.node().path("operationId").asText("");
            if (id.isEmpty()) {
                violations.add(op.where() + ": no operationId");
            } else if (!OPERATION_ID.matcher(id).matches()) {
                violations.add(op.where() + ": operationId '" + id + "' is not camelCase verbNoun");
            } else if (seen.contains(id)) {
                violations.add(op.where() + ": operationId '" + id + "' is used twice");
            }
            seen.add(id);
        }
        assertNoViolations("every operation has a unique camelCase verbNoun operationId", violations);
    }

    @Test
    void everyOperationHasASummaryAndADescription() {
        List<String> violations = new ArrayList<>();
        for (Op op : operations()) {
            if (op.node().path("summary").asText("").isBlank()) {
                violations.add(op.where() + ": no summary");
            }
            if (op.node().path("description").asText("").isBlank()) {
                violations.add(op.where() + ": no description");
            }
        }
        assertNoViolations("every operation has a summary and a description", violations);
    }

    @Test
    void everyOperationHasExactlyOneTag() {
        List<String> violations = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode tags = op.node().path("tags");
            if (!tags.isArray() || tags.size() != 1) {
                violations.add(op.where() + ": tags " + (tags.isMissingNode() ? "missing" : tags.toString()));
            }
        }
        assertNoViolations("every operation has exactly one tag", violations);
    }

    @Test
    void everyOperationDeclaresA4xxResponseAndNo401() {
        List<String> violations = new ArrayList<>();
        for (Op op : operations()) {
            List<String> codes = new ArrayList<>();
            op.node().path("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
                violations.add(op.where() + ": no 4xx response (has " + codes + ")");
            }
            if (codes.contains("401")) {
                violations.add(op.where() + ": declares 401, but the API has no authentication");
            }
        }
        assertNoViolations("every operation declares at least one 4xx response and no 401", violations);
    }

    @Test
    void everyErrorResponseIsAReferenceToComponentsResponses() {
        List<String> violations = new ArrayList<>();
        for (Op op : operations()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = op.node().path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                String code = r.getKey();
                if (!(code.startsWith("4") || code.startsWith("5"))) {
                    continue;
                }
                String ref = r.getValue().path("$ref").asText("");
                if (!ref.startsWith(RESPONSES_PREFIX)) {
                    violations.add(op.where() + " " + code + ": not a $ref to " + RESPONSES_PREFIX + "*");
                } else if (raw.at("/components/responses/" + pointerEscape(ref.substring(RESPONSES_PREFIX.length())))
                        .isMissingNode()) {
                    violations.add(op.where() + " " + code + ": " + ref + " does not exist");
                }
            }
        }
        assertNoViolations("every 4xx/5xx response is a $ref to components/responses", violations);
    }

    @Test
    void everySchemaPropertyHasADescription() {
        List<String> violations = new ArrayList<>();
        forEachProperty(p -> {
            if (p.node().has("description") && !p.node().path("description").asText("").isBlank()) {
                return;
            }
            String ref = p.node().path("$ref").asText("");
            if (!ref.isEmpty() && ref.startsWith("#/") && raw.at(ref.substring(1)).hasNonNull("description")) {
                return; // in OpenAPI 3.0 a $ref takes no siblings: the referenced schema carries the description
            }
            violations.add(p.where() + ": no description");
        });
        assertNoViolations("every schema property has a description", violations);
    }

    @Test
    void everySchemaPropertyHasATypeUnlessComposed() {
        List<String> violations = new ArrayList<>();
        forEachProperty(p -> {
            boolean composed = COMPOSITION.stream().anyMatch(k -> p.node().has(k));
            if (!composed && !p.node().has("type")) {
                violations.add(p.where() + ": no type (and no $ref/allOf/oneOf/anyOf)");
            }
        });
        assertNoViolations("every schema property has a type, unless it is a $ref or a composition", violations);
    }

    @Test
    void everyPathParameterHasADescription() {
        List<String> violations = new ArrayList<>();
        forEachParameter((where, p) -> {
            if ("path".equals(p.path("in").asText()) && p.path("description").asText("").isBlank()) {
                violations.add(where + " (" + p.path("name").asText() + "): no description");
            }
        });
        assertNoViolations("every path parameter has a description", violations);
    }

    // ---------------------------------------------------------------- document walks

    record Property(String where, JsonNode node) {
    }

    private static void forEachProperty(Consumer<Property> action) {
        DocumentWalk.keys(raw, (key, value, at) -> {
            if (key.equals("example") || key.equals("examples")) {
                return false; // data, not schema: never searched for "properties"
            }
            if (key.equals("properties") && value.isObject()) {
                value.fields().forEachRemaining(p ->
                        action.accept(new Property(at.child(p.getKey()).display(), p.getValue())));
            }
            return true;
        });
    }

    private interface ParameterAction {
        void accept(String where, JsonNode parameter);
    }

    private static void forEachParameter(ParameterAction action) {
        raw.path("components").path("parameters").fields().forEachRemaining(
                e -> action.accept("components > parameters > " + e.getKey(), e.getValue()));
        for (Iterator<Map.Entry<String, JsonNode>> paths = raw.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().path("parameters").forEach(p -> action.accept(path.getKey(), p));
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                if (METHODS.contains(op.getKey())) {
                    op.getValue().path("parameters").forEach(
                            p -> action.accept(op.getKey().toUpperCase() + " " + path.getKey(), p));
                }
            }
        }
    }

    private static String pointerEscape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }
}
