package io.github.cwcontract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The schema changes that break clients and that openapi-diff-core 2.1.7 reports as compatible or not at all:
 * <ul>
 *   <li>a response property removed (openapi-diff only objects when the property was {@code required});</li>
 *   <li>a response value that may now be {@code null}, and a request value that may no longer be (openapi-diff
 *       ignores {@code nullable});</li>
 *   <li>any change inside an inline {@code oneOf}/{@code anyOf} branch (openapi-diff compares only branches that are
 *       {@code $ref}s and reports no change at all for inline ones).</li>
 * </ul>
 * It also checks types and {@code required} lists itself, so a schema reached only through an inline branch is
 * covered the same way as any other. Schemas are compared as the client sees them: in a response, the set of values
 * the client may receive must not grow; in a request, the set of values the server accepts must not shrink.
 */
final class SchemaCompatibility {

    /** One breaking change, keyed by the operation it breaks ({@code METHOD /path}, path as in the new spec). */
    record Finding(String operation, String location, String change) {
    }

    private enum Direction { REQUEST, RESPONSE }

    private final OpenAPI oldApi;
    private final OpenAPI newApi;
    private final List<Finding> findings = new ArrayList<>();
    /** Pairs of component schemas already compared in one direction; stops recursive schemas. */
    private final Set<String> visited = new HashSet<>();
    private String operation;

    private SchemaCompatibility(OpenAPI oldApi, OpenAPI newApi) {
        this.oldApi = oldApi;
        this.newApi = newApi;
    }

    /** Compares every operation present in both documents; removed operations are openapi-diff's to report. */
    static List<Finding> compare(OpenAPI oldApi, OpenAPI newApi) {
        SchemaCompatibility check = new SchemaCompatibility(oldApi, newApi);
        Map<String, Map.Entry<String, PathItem>> oldPaths = byTemplate(oldApi);
        byTemplate(newApi).forEach((template, newPath) -> {
            Map.Entry<String, PathItem> oldPath = oldPaths.get(template);
            if (oldPath == null) {
                return;
            }
            newPath.getValue().readOperationsMap().forEach((method, newOp) -> {
                Operation oldOp = oldPath.getValue().readOperationsMap().get(method);
                if (oldOp != null) {
                    check.operation = method + " " + newPath.getKey();
                    check.visited.clear();
                    check.compareOperation(oldOp, newOp);
                }
            });
        });
        return check.findings;
    }

    /** Paths keyed with their parameter names blanked, so renaming {@code {id}} is not a new path. */
    private static Map<String, Map.Entry<String, PathItem>> byTemplate(OpenAPI api) {
        Map<String, Map.Entry<String, PathItem>> paths = new LinkedHashMap<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> paths.put(path.replaceAll("\\{[^}]*}", "{}"), Map.entry(path, item)));
        }
        return paths;
    }

    private void compareOperation(Operation oldOp, Operation newOp) {
        for (Parameter newParam : list(newOp.getParameters())) {
            for (Parameter oldParam : list(oldOp.getParameters())) {
                if (Objects.equals(oldParam.getIn(), newParam.getIn()) && Objects.equals(oldParam.getName(), newParam.getName())) {
                    compare(oldParam.getSchema(), newParam.getSchema(), Direction.REQUEST,
                            oldParam.getIn() + " parameter " + oldParam.getName());
                }
            }
        }
        if (oldOp.getRequestBody() != null && newOp.getRequestBody() != null) {
            compareContent(oldOp.getRequestBody().getContent(), newOp.getRequestBody().getContent(), Direction.REQUEST,
                    "request body");
        }
        if (oldOp.getResponses() != null && newOp.getResponses() != null) {
            oldOp.getResponses().forEach((status, oldResponse) -> {
                ApiResponse newResponse = newOp.getResponses().get(status);
                if (newResponse != null) {
                    compareContent(resolveResponse(oldApi, oldResponse).getContent(),
                            resolveResponse(newApi, newResponse).getContent(), Direction.RESPONSE, "response " + status);
                }
            });
        }
    }

    private void compareContent(Content oldContent, Content newContent, Direction direction, String location) {
        if (oldContent == null || newContent == null) {
            return;
        }
        oldContent.forEach((mediaType, oldMedia) -> {
            MediaType newMedia = newContent.get(mediaType);
            if (newMedia != null) {
                compare(oldMedia.getSchema(), newMedia.getSchema(), direction, location + " " + mediaType + " $");
            }
        });
    }

    private void compare(Schema<?> oldRaw, Schema<?> newRaw, Direction direction, String location) {
        if (oldRaw == null || newRaw == null) {
            return;
        }
        if (oldRaw.get$ref() != null || newRaw.get$ref() != null) {
            if (!visited.add(direction + " " + oldRaw.get$ref() + " " + newRaw.get$ref())) {
                return;
            }
        }
        Schema<?> oldSchema = resolve(oldApi, oldRaw);
        Schema<?> newSchema = resolve(newApi, newRaw);

        String oldType = oldSchema.getType();
        String newType = newSchema.getType();
        boolean typeOk = direction == Direction.RESPONSE ? admits(oldType, newType) : admits(newType, oldType);
        if (!typeOk) {
            report(location, "type " + describe(oldType) + " -> " + describe(newType));
            return;
        }

        boolean oldNullable = Boolean.TRUE.equals(oldSchema.getNullable());
        boolean newNullable = Boolean.TRUE.equals(newSchema.getNullable());
        if (direction == Direction.RESPONSE && !oldNullable && newNullable) {
            report(location, "may now be null");
        }
        if (direction == Direction.REQUEST && oldNullable && !newNullable) {
            report(location, "may no longer be null");
        }

        compareProperties(oldSchema, newSchema, direction, location);
        compare(oldSchema.getItems(), newSchema.getItems(), direction, location + "[]");
        if (oldSchema.getAdditionalProperties() instanceof Schema<?> oldExtra
                && newSchema.getAdditionalProperties() instanceof Schema<?> newExtra) {
            compare(oldExtra, newExtra, direction, location + ".*");
        }
        compareBranches(oldSchema.getOneOf(), newSchema.getOneOf(), direction, location, "oneOf");
        compareBranches(oldSchema.getAnyOf(), newSchema.getAnyOf(), direction, location, "anyOf");
    }

    private void compareProperties(Schema<?> oldSchema, Schema<?> newSchema, Direction direction, String location) {
        Map<String, Schema> oldProperties = map(oldSchema.getProperties());
        Map<String, Schema> newProperties = map(newSchema.getProperties());
        List<String> oldRequired = list(oldSchema.getRequired());
        List<String> newRequired = list(newSchema.getRequired());
        oldProperties.forEach((name, oldProperty) -> {
            Schema<?> newProperty = newProperties.get(name);
            if (newProperty == null) {
                if (direction == Direction.RESPONSE) {
                    report(location + "." + name, "property removed");
                }
                return;
            }
            if (direction == Direction.RESPONSE && oldRequired.contains(name) && !newRequired.contains(name)) {
                report(location + "." + name, "no longer required");
            }
            compare(oldProperty, newProperty, direction, location + "." + name);
        });
        if (direction == Direction.REQUEST) {
            newRequired.stream()
                    .filter(name -> !oldRequired.contains(name))
                    .forEach(name -> report(location + "." + name, "newly required"));
        }
    }

    /**
     * Branches are paired by {@code $ref} name, else by a type only one branch has, else by position. A request
     * branch without a partner is a kind of value no longer accepted; a new response branch is a new kind of value,
     * which the contract tells clients to expect (see {@link BreakingChanges}).
     */
    private void compareBranches(List<Schema> oldBranches, List<Schema> newBranches, Direction direction,
                                 String location, String keyword) {
        List<Schema> olds = list(oldBranches);
        List<Schema> news = list(newBranches);
        for (int i = 0; i < olds.size(); i++) {
            Schema<?> oldBranch = olds.get(i);
            Schema<?> partner = partner(oldBranch, i, olds, news);
            String branchLocation = location + " (" + keyword + " " + label(oldBranch, i) + ")";
            if (partner == null) {
                if (direction == Direction.REQUEST) {
                    report(branchLocation, "branch removed");
                }
                continue;
            }
            compare(oldBranch, partner, direction, branchLocation);
        }
    }

    private Schema<?> partner(Schema<?> oldBranch, int index, List<Schema> olds, List<Schema> news) {
        if (oldBranch.get$ref() != null) {
            return news.stream().filter(b -> oldBranch.get$ref().equals(b.get$ref())).findFirst().orElse(null);
        }
        String type = resolve(oldApi, oldBranch).getType();
        if (type != null && olds.stream().filter(b -> b.get$ref() == null)
                .filter(b -> type.equals(resolve(oldApi, b).getType())).count() == 1) {
            List<Schema> sameType = news.stream().filter(b -> b.get$ref() == null)
                    .filter(b -> type.equals(resolve(newApi, b).getType())).toList();
            if (sameType.size() == 1) {
                return sameType.get(0);
            }
        }
        return index < news.size() && news.get(index).get$ref() == null ? news.get(index) : null;
    }

    private static String label(Schema<?> branch, int index) {
        return branch.get$ref() != null ? branch.get$ref().substring(branch.get$ref().lastIndexOf('/') + 1) : "#" + (index + 1);
    }

    /** Whether every value of type {@code narrower} is also a value of type {@code wider} (null: any type). */
    private static boolean admits(String wider, String narrower) {
        return wider == null || wider.equals(narrower) || ("number".equals(wider) && "integer".equals(narrower));
    }

    private static String describe(String type) {
        return type == null ? "(any)" : type;
    }

    private void report(String location, String change) {
        findings.add(new Finding(operation, location, change));
    }

    private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current.get$ref() != null; hops++) {
            String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
            Schema<?> target = api.getComponents() == null || api.getComponents().getSchemas() == null
                    ? null : api.getComponents().getSchemas().get(name);
            if (target == null || hops > 20) {
                throw new IllegalStateException("unresolvable schema reference " + schema.get$ref());
            }
            current = target;
        }
        return current;
    }

    private static ApiResponse resolveResponse(OpenAPI api, ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        ApiResponse target = api.getComponents().getResponses().get(name);
        if (target == null) {
            throw new IllegalStateException("unresolvable response reference " + response.get$ref());
        }
        return resolveResponse(api, target);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> map(Map<String, Schema> map) {
        return map == null ? Map.of() : map;
    }
}
