package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JSON example of the contract (request bodies, responses, component schemas) deserializes into the generated
 * models with the mapper the generated API classes use, and serializes back to the same JSON tree.
 *
 * <p>Values are compared by meaning where the Java type cannot keep the spelling: numbers by value ({@code 12} read
 * into a {@code Long} stays 12), date-times by instant (Jackson writes {@code 2026-06-18T09:10:02.000Z} back as
 * {@code 2026-06-18T09:10:02Z}). Keys are compared exactly: a missing or added key, or an explicit {@code null} that
 * turns into an absent key or back, fails.
 */
class ExampleRoundTripTest {

  private static final String MODEL_PACKAGE = "io.github.cwcontract.client.model.";
  private static final String SCHEMA_REF = "#/components/schemas/";

  private static final OpenAPI SPEC = Contract.spec();
  private static final ObjectMapper MAPPER = new ApiClient().getObjectMapper();

  private record Case(String name, Schema<?> schema, JsonNode example) {
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRoundTrips() {
    List<Case> cases = collectCases();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> roundTrip(c)));
  }

  @Test
  void theWalkFindsTheExamples() {
    List<Case> cases = collectCases();
    // 87 at the time of writing; far fewer means the walk lost track of the spec's structure
    assertTrue(cases.size() >= 80, "only " + cases.size() + " examples found");
    assertTrue(cases.stream().anyMatch(c -> c.name().startsWith("request POST")));
    assertTrue(cases.stream().anyMatch(c -> c.name().contains(" 422 ")));
    assertTrue(cases.stream().anyMatch(c -> c.name().startsWith("schema ")));
  }

  private static void roundTrip(Case c) throws Exception {
    JavaType type = javaType(c.schema());
    Object value = MAPPER.readerFor(type).readValue(c.example());
    JsonNode back = MAPPER.valueToTree(value);
    List<String> differences = new ArrayList<>();
    compare("$", c.example(), back, differences);
    assertTrue(differences.isEmpty(), c.name() + " as " + type.toCanonical() + ":\n  " + String.join("\n  ", differences)
        + "\nexample: " + c.example() + "\nback:    " + back);
  }

  private static List<Case> collectCases() {
    List<Case> cases = new ArrayList<>();
    SPEC.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      String where = method + " " + path;
      RequestBody body = requestBody(operation);
      if (body != null) {
        addJsonExamples(cases, "request " + where, body.getContent());
      }
      operation.getResponses().forEach((status, response) ->
          addJsonExamples(cases, "response " + where + " " + status + " ", response(response).getContent()));
    }));
    SPEC.getComponents().getSchemas().forEach((name, schema) -> {
      if (schema.getExample() != null) {
        cases.add(new Case("schema " + name, new Schema<>().$ref(SCHEMA_REF + name), toTree(schema.getExample())));
      }
    });
    return cases;
  }

  private static void addJsonExamples(List<Case> cases, String where, Content content) {
    if (content == null) {
      return;
    }
    MediaType json = content.get("application/json");
    if (json == null) {
      return;
    }
    if (json.getExample() != null) {
      cases.add(new Case(where + " example", json.getSchema(), toTree(json.getExample())));
    }
    if (json.getExamples() != null) {
      json.getExamples().forEach((name, example) ->
          cases.add(new Case(where + " example '" + name + "'", json.getSchema(), toTree(example(example).getValue()))));
    }
  }

  private static RequestBody requestBody(Operation operation) {
    RequestBody body = operation.getRequestBody();
    if (body != null && body.get$ref() != null) {
      return SPEC.getComponents().getRequestBodies().get(refName(body.get$ref()));
    }
    return body;
  }

  private static ApiResponse response(ApiResponse response) {
    if (response.get$ref() != null) {
      return SPEC.getComponents().getResponses().get(refName(response.get$ref()));
    }
    return response;
  }

  private static Example example(Example example) {
    if (example.get$ref() != null) {
      return SPEC.getComponents().getExamples().get(refName(example.get$ref()));
    }
    return example;
  }

  private static JsonNode toTree(Object example) {
    return example instanceof JsonNode node ? node : Json.mapper().valueToTree(example);
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /** The Java type the generated code uses for a schema: a model class, a List of one, or Object. */
  private static JavaType javaType(Schema<?> schema) {
    if (schema.get$ref() != null) {
      String name = refName(schema.get$ref());
      Schema<?> target = SPEC.getComponents().getSchemas().get(name);
      if (target.getItems() != null) {
        return javaType(target); // array schemas (e.g. SubmittedItems) get no class of their own
      }
      try {
        return MAPPER.getTypeFactory().constructType(Class.forName(MODEL_PACKAGE + name));
      } catch (ClassNotFoundException mappedAway) {
        return MAPPER.getTypeFactory().constructType(Object.class); // schemaMappings, e.g. SubmittedValues
      }
    }
    if (schema.getItems() != null) {
      return MAPPER.getTypeFactory().constructCollectionType(List.class, javaType(schema.getItems()));
    }
    throw new IllegalArgumentException("no model for inline schema " + schema);
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
    if (expected.isObject() && actual.isObject()) {
      expected.fieldNames().forEachRemaining(key -> {
        if (!actual.has(key)) {
          differences.add(path + "." + key + ": lost (was " + expected.get(key) + ")");
        } else {
          compare(path + "." + key, expected.get(key), actual.get(key), differences);
        }
      });
      actual.fieldNames().forEachRemaining(key -> {
        if (!expected.has(key)) {
          differences.add(path + "." + key + ": added (" + actual.get(key) + ")");
        }
      });
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        differences.add(path + ": " + expected.size() + " items became " + actual.size());
        return;
      }
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext(); i++) {
        compare(path + "[" + i + "]", e.next(), a.next(), differences);
      }
    } else if (!sameValue(expected, actual)) {
      differences.add(path + ": " + expected + " became " + actual);
    }
  }

  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isTextual() && actual.isTextual() && !expected.equals(actual)) {
      OffsetDateTime e = dateTime(expected.textValue());
      OffsetDateTime a = dateTime(actual.textValue());
      return e != null && a != null && e.isEqual(a);
    }
    return expected.equals(actual);
  }

  private static OffsetDateTime dateTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notADateTime) {
      return null;
    }
  }

  @Test
  void comparisonCatchesLostAndAddedKeysAndNulls() throws Exception {
    List<String> differences = new ArrayList<>();
    compare("$", MAPPER.readTree("{\"a\":1,\"b\":null,\"t\":\"2026-06-18T09:10:02.000Z\"}"),
        MAPPER.readTree("{\"a\":1.0,\"c\":2,\"t\":\"2026-06-18T09:10:02Z\"}"), differences);
    assertEquals(List.of("$.b: lost (was null)", "$.c: added (2)"), differences);
    differences.clear();
    compare("$", MAPPER.readTree("{\"b\":null}"), MAPPER.readTree("{\"b\":\"x\"}"), differences);
    assertFalse(differences.isEmpty());
  }
}
