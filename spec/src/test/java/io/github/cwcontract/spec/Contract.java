package io.github.cwcontract.spec;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The contract under test: the repository's {@code openapi.yaml}.
 * <p>
 * The build passes its path as the system property {@code contract.spec} (see the parent POM); run from an IDE
 * without it, the file next to the module directory is used.
 * <p>
 * Values are checked with the Atlassian validator's schema validation, the same engine the conformance suite
 * uses on live traffic, with every message at level ERROR. That includes {@code additionalProperties}: an object
 * schema that declares {@code properties} and no {@code additionalProperties} accepts no undeclared key here, so
 * every key of an example or a reference payload must be documented.
 */
final class Contract {

    /** Classpath location of the packaged spec (see the spec module's POM). */
    static final String RESOURCE = System.getProperty("contract.spec.resource", "chatwoot-public-api/openapi.yaml");

    /** Message-key prefixes the validator uses to tell requests, responses and parameters apart. */
    static final String REQUEST_BODY = "request.body";
    static final String RESPONSE_BODY = "response.body";
    static final String PARAMETER = "request.parameter";
    static final String SCHEMA = "schema";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Contract instance;

    final Path path;
    final SwaggerParseResult parseResult;
    final OpenAPI api;
    /** The document as written, for exact example values and locations (the parsed model coerces examples). */
    final JsonNode raw;
    final SchemaValidator validator;

    private Contract(Path path) {
        this.path = path;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.parseResult = new OpenAPIV3Parser().readLocation(path.toString(), null, options);
        this.api = parseResult.getOpenAPI();
        try {
            this.raw = YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        MessageResolver messages = new MessageResolver(
                LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build());
        this.validator = api == null ? null : new SchemaValidator(api, messages);
    }

    static synchronized Contract get() {
        if (instance == null) {
            instance = new Contract(specPath());
        }
        return instance;
    }

    static Path specPath() {
        String configured = System.getProperty("contract.spec");
        Path path = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get("..", "openapi.yaml");
        path = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("The contract is missing: " + path);
        }
        return path;
    }

    /** A schema that points at {@code #/components/schemas/<name>}; {@code Name[]} means an array of them. */
    static Schema<?> componentSchema(String name) {
        if (name.endsWith("[]")) {
            return new ArraySchema().items(componentSchema(name.substring(0, name.length() - 2)));
        }
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    boolean hasComponentSchema(String name) {
        String bare = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
        return api.getComponents() != null && api.getComponents().getSchemas() != null
                && api.getComponents().getSchemas().containsKey(bare);
    }

    ValidationReport validate(JsonNode value, Schema<?> schema, String keyPrefix) {
        return validator.validate(() -> value, schema, keyPrefix);
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per message, with the instance pointer, for assertion failures. */
    static String describe(ValidationReport report) {
        return describe(report.getMessages(), "  ");
    }

    private static String describe(List<ValidationReport.Message> messages, String indent) {
        return messages.stream()
                .map(m -> indent + m.getKey() + ": " + m.getMessage()
                        + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo())
                        + (m.getNestedMessages().isEmpty() ? "" : "\n" + describe(m.getNestedMessages(), indent + "  ")))
                .collect(Collectors.joining("\n"));
    }
}
