package io.github.cwcontract.conformance.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.contract.Contract;
import io.github.cwcontract.conformance.contract.ContractOperation;
import io.github.cwcontract.conformance.junit.MockConformance;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For a mock that serves the contract's examples (Prism): every operation, asked with {@code Prefer: code=...,
 * example=...} for each declared status and example, answers that example, and request and response validate.
 * Requests are built from the contract's own parameter and request-body examples.
 */
@MockConformance
@DisplayName("Mock: every documented status and example")
class ExampleResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One documented response.
     *
     * @param operation the operation
     * @param status    the declared status
     * @param example   the example's name, or null for a single unnamed example (or none)
     * @param expected  the example body, or null when the response has no body
     * @param json      whether the body is JSON (else text, e.g. the survey page's HTML)
     */
    record ExampleCase(ContractOperation operation, String status, String example, JsonNode expected, boolean json) {
        @Override
        public String toString() {
            return operation.operationId() + " " + status + (example == null ? "" : " (" + example + ")");
        }
    }

    static Stream<ExampleCase> cases() {
        Contract contract = Contract.load();
        List<ExampleCase> cases = new ArrayList<>();
        for (ContractOperation operation : contract.operations()) {
            for (String status : operation.statuses()) {
                JsonNode response = contract.resolve(operation.node().path("responses").path(status));
                Iterator<Map.Entry<String, JsonNode>> media = response.path("content").properties().iterator();
                if (!media.hasNext()) {
                    cases.add(new ExampleCase(operation, status, null, null, true));
                    continue;
                }
                Map.Entry<String, JsonNode> first = media.next();
                boolean json = first.getKey().contains("json");
                JsonNode content = first.getValue();
                if (content.has("examples")) {
                    content.path("examples").properties().forEach(e -> cases.add(new ExampleCase(
                            operation, status, e.getKey(), contract.resolve(e.getValue()).path("value"), json)));
                } else {
                    cases.add(new ExampleCase(operation, status, null, content.path("example"), json));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("answers the documented example")
    void answersTheExample(ExampleCase example, PublicApi api) throws JsonProcessingException {
        Contract contract = Contract.load();
        ContractOperation operation = example.operation();
        RequestSpecification request = api.request()
                .header("Prefer", "code=" + example.status() + (example.example() == null ? "" : ", example=" + example.example()))
                .pathParams(pathParameters(contract, operation));
        JsonNode body = requestExample(contract, operation);
        if (body != null) {
            request = request.contentType("application/json").body(JSON.writeValueAsString(body));
        }
        Response response = request.request(operation.method(), operation.path());

        assertEquals(Integer.parseInt(example.status()), response.statusCode(), "status");
        if (example.expected() == null || example.expected().isMissingNode()) {
            assertEquals("", response.asString(), "body of a response without content");
        } else if (example.json()) {
            assertEquals(example.expected(), JSON.readTree(response.asString()), "body");
        } else {
            assertEquals(example.expected().asText(), response.asString(), "body");
        }
    }

    private static Map<String, Object> pathParameters(Contract contract, ContractOperation operation) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = contract.resolve(parameter);
            if ("path".equals(resolved.path("in").asText())) {
                values.put(resolved.path("name").asText(), resolved.path("example").asText());
            }
        }
        return values;
    }

    /** The first JSON example of the request body, or null when the operation takes none. */
    private static JsonNode requestExample(Contract contract, ContractOperation operation) {
        JsonNode content = contract.resolve(operation.node().path("requestBody")).path("content").path("application/json");
        if (content.has("example")) {
            return content.get("example");
        }
        Iterator<JsonNode> examples = content.path("examples").elements();
        return examples.hasNext() ? contract.resolve(examples.next()).path("value") : null;
    }
}
