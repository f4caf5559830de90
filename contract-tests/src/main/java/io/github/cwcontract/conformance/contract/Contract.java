package io.github.cwcontract.conformance.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contract, {@code openapi.yaml}, loaded from the classpath resource the spec module ships.
 *
 * <p>Examples and declared status codes are read from the raw YAML tree rather than through a parser model, so that
 * example values stay exactly as written (a parser may turn date-time strings into dates).
 */
public final class Contract {

    public static final String RESOURCE = "chatwoot-public-api/openapi.yaml";

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete", "head", "options");

    private static volatile Contract instance;

    private final String text;
    private final JsonNode root;
    private final List<ContractOperation> operations;

    private Contract(String text) {
        this.text = text;
        try {
            this.root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("the contract " + RESOURCE + " is not valid YAML", e);
        }
        this.operations = readOperations();
    }

    /** The contract on the classpath, read once per JVM. */
    public static Contract load() {
        Contract loaded = instance;
        if (loaded == null) {
            synchronized (Contract.class) {
                loaded = instance;
                if (loaded == null) {
                    loaded = new Contract(readResource());
                    instance = loaded;
                }
            }
        }
        return loaded;
    }

    private static String readResource() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the contract " + RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML text, as the validator reads it. */
    public String text() {
        return text;
    }

    /** Every operation, in the order of the document. */
    public List<ContractOperation> operations() {
        return operations;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}) until the node is not a reference. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && current.has("$ref"); depth++) {
            if (depth > 20) {
                throw new IllegalStateException("reference cycle at " + node);
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are supported: " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("unresolved reference " + ref);
            }
        }
        return current;
    }

    private List<ContractOperation> readOperations() {
        List<ContractOperation> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                List<String> statuses = new ArrayList<>();
                operation.path("responses").fieldNames().forEachRemaining(statuses::add);
                result.add(new ContractOperation(
                        operation.path("operationId").asText(),
                        entry.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        List.copyOf(statuses),
                        operation));
            }
        }
        return List.copyOf(result);
    }
}
