package io.github.cwcontract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.BackwardIncompatibleProp;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backward-incompatible changes from one version of a contract to the next, keyed by the operation they
 * break ({@code METHOD /path}): openapi-diff-core's verdict plus {@link SchemaCompatibility} for its blind spots.
 * <p>
 * A new enum value or {@code oneOf} branch in a response is not breaking here: the contract's conventions tell
 * clients that enumerations grow between releases (new content types, new sender types) and that an unknown value
 * is to be treated as "other", so openapi-diff is told not to count either.
 */
final class BreakingChanges {

    private static final OpenApiDiffOptions OPTIONS = OpenApiDiffOptions.builder()
            .configProperty(BackwardIncompatibleProp.RESPONSE_ENUM_INCREASED.getPropertyName(), "false")
            .configProperty(BackwardIncompatibleProp.RESPONSE_ONEOF_INCREASED.getPropertyName(), "false")
            .build();

    /** Operation ({@code METHOD /path}) to the reasons it breaks, sorted by operation. */
    final Map<String, List<String>> byOperation;
    /** openapi-diff's full report (Markdown), for failure messages. */
    final String openApiDiffReport;

    private BreakingChanges(Map<String, List<String>> byOperation, String openApiDiffReport) {
        this.byOperation = byOperation;
        this.openApiDiffReport = openApiDiffReport;
    }

    static BreakingChanges between(Path oldSpec, Path newSpec) {
        OpenAPI oldApi = parse(oldSpec);
        OpenAPI newApi = parse(newSpec);
        // openapi-diff gets its own copies, so nothing it does to its models can affect the other check
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(parse(oldSpec), parse(newSpec), OPTIONS);

        Map<String, List<String>> byOperation = new TreeMap<>();
        diff.getMissingEndpoints().forEach(endpoint ->
                add(byOperation, endpoint.getMethod() + " " + endpoint.getPathUrl(), "openapi-diff: operation removed"));
        for (ChangedOperation operation : diff.getChangedOperations()) {
            if (!operation.isIncompatible()) {
                continue;
            }
            String key = operation.getHttpMethod() + " " + operation.getPathUrl();
            incompatible(byOperation, key, operation.getOperationId(), "operationId changed");
            incompatible(byOperation, key, operation.getParameters(), "parameters");
            incompatible(byOperation, key, operation.getRequestBody(), "request body");
            incompatible(byOperation, key, operation.getApiResponses(), "responses");
            incompatible(byOperation, key, operation.getSecurityRequirements(), "security requirements");
        }
        for (SchemaCompatibility.Finding finding : SchemaCompatibility.compare(oldApi, newApi)) {
            add(byOperation, finding.operation(), finding.location() + ": " + finding.change());
        }
        return new BreakingChanges(byOperation, new MarkdownRender().render(diff));
    }

    boolean isEmpty() {
        return byOperation.isEmpty();
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        byOperation.forEach((operation, reasons) -> {
            text.append("  ").append(operation).append('\n');
            reasons.forEach(reason -> text.append("    - ").append(reason).append('\n'));
        });
        return text.toString();
    }

    private static OpenAPI parse(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(spec.toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("cannot parse " + spec + ": " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static void incompatible(Map<String, List<String>> byOperation, String key, Changed part, String name) {
        if (part != null && part.isIncompatible()) {
            add(byOperation, key, "openapi-diff: " + name + " incompatible");
        }
    }

    private static void add(Map<String, List<String>> byOperation, String key, String reason) {
        byOperation.computeIfAbsent(key, k -> new ArrayList<>()).add(reason);
    }
}
