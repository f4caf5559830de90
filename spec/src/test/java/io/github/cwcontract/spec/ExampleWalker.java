package io.github.cwcontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every example of the contract together with the schema it illustrates.
 * <p>
 * The structure (which schema belongs where) comes from the parsed model; the example values come from the document
 * as written, because the parser coerces examples to the schema's type and silently drops those it cannot coerce
 * (e.g. a non-numeric example on an integer).
 * <p>
 * Covered: schema {@code example} (components and inline, recursively through properties, items,
 * additionalProperties, allOf/anyOf/oneOf, not), parameter and header {@code example}/{@code examples}, media-type
 * {@code example}/{@code examples} of request bodies, responses and parameters, and {@code components/examples}
 * through every {@code $ref} to them.
 */
final class ExampleWalker {

    /** One example and the schema it must match. {@code ref} is the components/examples entry it came from, if any. */
    record ExampleCase(Loc location, String ref, JsonNode value, Schema<?> schema, String keyPrefix, String problem) {
        String displayName() {
            return location.display() + (ref == null ? "" : "  (" + ref + ")");
        }
    }

    private static final String COMPONENT_EXAMPLE_PREFIX = "#/components/examples/";

    private final OpenAPI api;
    private final JsonNode raw;
    private final List<ExampleCase> cases = new ArrayList<>();
    private final Set<String> visitedPointers = new LinkedHashSet<>();
    private final Set<String> usedComponentExamples = new LinkedHashSet<>();

    ExampleWalker(OpenAPI api, JsonNode raw) {
        this.api = api;
        this.raw = raw;
    }

    List<ExampleCase> walk() {
        Loc root = Loc.root();
        if (api.getComponents() != null) {
            Loc components = root.child("components");
            forEach(api.getComponents().getSchemas(), components.child("schemas"),
                    (loc, s) -> schema(s, loc, Contract.SCHEMA));
            forEach(api.getComponents().getParameters(), components.child("parameters"), this::parameter);
            forEach(api.getComponents().getRequestBodies(), components.child("requestBodies"), this::requestBody);
            forEach(api.getComponents().getResponses(), components.child("responses"), this::response);
            forEach(api.getComponents().getHeaders(), components.child("headers"), this::header);
            forEach(api.getComponents().getCallbacks(), components.child("callbacks"), this::callback);
        }
        forEach(api.getPaths(), root.child("paths"), this::pathItem);
        return cases;
    }

    /** Pointers of every example this walker looked at (for the completeness check). */
    Set<String> visitedPointers() {
        return visitedPointers;
    }

    /** Names of the components/examples entries referenced at least once. */
    Set<String> usedComponentExamples() {
        return usedComponentExamples;
    }

    // ---------------------------------------------------------------- structure

    private interface Visitor<T> {
        void visit(Loc loc, T item);
    }

    private static <T> void forEach(Map<String, T> map, Loc loc, Visitor<T> visitor) {
        if (map != null) {
            map.forEach((name, item) -> visitor.visit(loc.child(name), item));
        }
    }

    private static <T> void forEach(List<T> list, Loc loc, Visitor<T> visitor) {
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                visitor.visit(loc.child(i), list.get(i));
            }
        }
    }

    private void callback(Loc loc, Callback callback) {
        if (callback != null && callback.get$ref() == null) {
            forEach(callback, loc, this::pathItem);
        }
    }

    private void pathItem(Loc loc, PathItem item) {
        if (item == null || item.get$ref() != null) {
            return;
        }
        forEach(item.getParameters(), loc.child("parameters"), this::parameter);
        for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
            Loc op = loc.child(e.getKey().name().toLowerCase());
            Operation operation = e.getValue();
            forEach(operation.getParameters(), op.child("parameters"), this::parameter);
            requestBody(op.child("requestBody"), operation.getRequestBody());
            forEach(operation.getResponses(), op.child("responses"), this::response);
            forEach(operation.getCallbacks(), op.child("callbacks"), this::callback);
        }
    }

    private void parameter(Loc loc, Parameter p) {
        if (p == null || p.get$ref() != null) {
            return; // walked where it is defined, under components/parameters
        }
        examplesOf(loc, p.getSchema(), Contract.PARAMETER);
        schema(p.getSchema(), loc.child("schema"), Contract.PARAMETER);
        content(p.getContent(), loc.child("content"), Contract.PARAMETER);
    }

    private void requestBody(Loc loc, RequestBody body) {
        if (body != null && body.get$ref() == null) {
            content(body.getContent(), loc.child("content"), Contract.REQUEST_BODY);
        }
    }

    private void response(Loc loc, ApiResponse response) {
        if (response == null || response.get$ref() != null) {
            return;
        }
        forEach(response.getHeaders(), loc.child("headers"), this::header);
        content(response.getContent(), loc.child("content"), Contract.RESPONSE_BODY);
    }

    private void header(Loc loc, Header h) {
        if (h == null || h.get$ref() != null) {
            return;
        }
        examplesOf(loc, h.getSchema(), Contract.PARAMETER);
        schema(h.getSchema(), loc.child("schema"), Contract.PARAMETER);
        content(h.getContent(), loc.child("content"), Contract.PARAMETER);
    }

    private void content(Content content, Loc loc, String keyPrefix) {
        if (content == null) {
            return;
        }
        for (Map.Entry<String, MediaType> e : content.entrySet()) {
            Loc mt = loc.child(e.getKey());
            MediaType mediaType = e.getValue();
            examplesOf(mt, mediaType.getSchema(), keyPrefix);
            schema(mediaType.getSchema(), mt.child("schema"), keyPrefix);
            if (mediaType.getEncoding() != null) {
                for (Map.Entry<String, Encoding> enc : mediaType.getEncoding().entrySet()) {
                    forEach(enc.getValue().getHeaders(), mt.child("encoding").child(enc.getKey()).child("headers"),
                            this::header);
                }
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void schema(Schema<?> s, Loc loc, String keyPrefix) {
        if (s == null) {
            return;
        }
        JsonNode node = at(loc);
        if (node.has("example")) {
            add(loc.child("example"), null, node.get("example"), s, keyPrefix);
        }
        if (s.get$ref() != null) {
            return; // walked where it is defined, under components/schemas
        }
        Map<String, Schema> properties = s.getProperties();
        if (properties != null) {
            properties.forEach((name, p) -> schema(p, loc.child("properties").child(name), keyPrefix));
        }
        schema(s.getItems(), loc.child("items"), keyPrefix);
        if (s.getAdditionalProperties() instanceof Schema<?> additional) {
            schema(additional, loc.child("additionalProperties"), keyPrefix);
        }
        composed(s.getAllOf(), loc.child("allOf"), keyPrefix);
        composed(s.getAnyOf(), loc.child("anyOf"), keyPrefix);
        composed(s.getOneOf(), loc.child("oneOf"), keyPrefix);
        schema(s.getNot(), loc.child("not"), keyPrefix);
    }

    @SuppressWarnings("rawtypes")
    private void composed(List<Schema> schemas, Loc loc, String keyPrefix) {
        if (schemas != null) {
            for (int i = 0; i < schemas.size(); i++) {
                schema(schemas.get(i), loc.child(i), keyPrefix);
            }
        }
    }

    // ---------------------------------------------------------------- examples

    /** {@code example} and {@code examples} of a parameter, header or media type. */
    private void examplesOf(Loc loc, Schema<?> schema, String keyPrefix) {
        JsonNode node = at(loc);
        if (node.has("example")) {
            add(loc.child("example"), null, node.get("example"), schema, keyPrefix);
        }
        JsonNode examples = node.get("examples");
        if (examples == null || !examples.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Loc exampleLoc = loc.child("examples").child(e.getKey());
            JsonNode example = e.getValue();
            String ref = null;
            if (example.has("$ref")) {
                ref = example.get("$ref").asText();
                if (!ref.startsWith(COMPONENT_EXAMPLE_PREFIX)) {
                    addProblem(exampleLoc, ref, schema, keyPrefix, "only local references to components/examples are supported");
                    continue;
                }
                String name = ref.substring(COMPONENT_EXAMPLE_PREFIX.length());
                usedComponentExamples.add(name);
                example = raw.path("components").path("examples").path(name);
                if (example.isMissingNode()) {
                    addProblem(exampleLoc, ref, schema, keyPrefix, "the referenced example does not exist");
                    continue;
                }
            }
            if (example.has("externalValue")) {
                addProblem(exampleLoc, ref, schema, keyPrefix,
                        "externalValue cannot be checked; put the value in the document");
            } else if (!example.has("value")) {
                addProblem(exampleLoc, ref, schema, keyPrefix, "the example has no value");
            } else {
                add(exampleLoc, ref, example.get("value"), schema, keyPrefix);
            }
        }
    }

    private void add(Loc loc, String ref, JsonNode value, Schema<?> schema, String keyPrefix) {
        visitedPointers.add(loc.pointer());
        String problem = schema == null ? "there is no schema to check the example against" : null;
        cases.add(new ExampleCase(loc, ref, value, schema, keyPrefix, problem));
    }

    private void addProblem(Loc loc, String ref, Schema<?> schema, String keyPrefix, String problem) {
        visitedPointers.add(loc.pointer());
        cases.add(new ExampleCase(loc, ref, null, schema, keyPrefix, problem));
    }

    private JsonNode at(Loc loc) {
        return raw.at(loc.pointer());
    }

    // ---------------------------------------------------------------- completeness

    private static final Loc COMPONENT_EXAMPLES = Loc.root().child("components").child("examples");

    /**
     * Pointers of every {@code example} and every entry of an {@code examples} map in the document, found by a plain
     * walk of the document (not of the model), outside components/examples and outside example values.
     */
    static Set<String> examplePointersInDocument(JsonNode raw) {
        Set<String> found = new LinkedHashSet<>();
        DocumentWalk.keys(raw, (key, value, at) -> switch (key) {
            case "example" -> {
                found.add(at.pointer());
                yield false;
            }
            case "examples" -> {
                if (at.equals(COMPONENT_EXAMPLES)) {
                    yield false; // checked through the references to them
                }
                if (!value.isObject()) {
                    yield true;
                }
                value.fieldNames().forEachRemaining(name -> found.add(at.child(name).pointer()));
                yield false;
            }
            default -> true;
        });
        return found;
    }
}
