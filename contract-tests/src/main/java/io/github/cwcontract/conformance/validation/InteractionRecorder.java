package io.github.cwcontract.conformance.validation;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter.OpenApiValidationException;
import io.github.cwcontract.conformance.contract.Contract;
import io.github.cwcontract.conformance.contract.ContractOperation;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.MultiPartSpecification;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records every exchange and turns the validator's exception into a readable {@link ContractViolation}.
 *
 * <p>Filters run in the order they were added: {@link #outer()} must come before the {@code OpenApiValidationFilter}
 * and {@link #inner()} after it, so that the response is known even when the validator rejects it.
 */
public final class InteractionRecorder {

    private static final String RESPONSE = InteractionRecorder.class.getName() + ".response";
    private static final int MAX_BODY = 4000;

    private final String basePath;
    private final Consumer<Interaction> sink;
    private final TargetHealth health;
    private final boolean invalidRequestsExpected;

    /**
     * @param basePath                the deployment's base path (stripped before matching contract paths)
     * @param sink                    receives every interaction
     * @param health                  the run's record of whether the target still answers
     * @param invalidRequestsExpected the requests break the contract on purpose (to provoke a documented error):
     *                                request findings are expected, only response findings fail
     */
    public InteractionRecorder(String basePath, Consumer<Interaction> sink, TargetHealth health,
                               boolean invalidRequestsExpected) {
        this.basePath = basePath;
        this.sink = sink;
        this.health = health;
        this.invalidRequestsExpected = invalidRequestsExpected;
    }

    public Filter outer() {
        return this::record;
    }

    public Filter inner() {
        return (request, response, context) -> {
            Response received = context.next(request, response);
            context.setValue(RESPONSE, received);
            return received;
        };
    }

    private Response record(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                            FilterContext context) {
        health.beforeRequest();
        try {
            Response response = context.next(request, responseSpec);
            health.answered();
            sink.accept(interaction(request, response, List.of(), null));
            return response;
        } catch (OpenApiValidationException e) {
            health.answered();
            Response response = context.getValue(RESPONSE);
            List<String> findings = findings(e.getValidationReport());
            Interaction interaction = interaction(request, response, findings, null);
            sink.accept(interaction);
            if (findings.isEmpty()) {
                return response;
            }
            throw new ContractViolation(interaction);
        } catch (RuntimeException e) {
            health.noAnswer();
            sink.accept(interaction(request, null, List.of(), String.valueOf(e)));
            throw e;
        }
    }

    private Interaction interaction(FilterableRequestSpecification request, Response response, List<String> findings,
                                    String error) {
        String url = request.getURI();
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(h -> {
            boolean curlDefault = "Accept".equalsIgnoreCase(h.getName()) && "*/*".equals(h.getValue());
            if (!curlDefault && !"Content-Type".equalsIgnoreCase(h.getName())) {
                headers.put(h.getName(), h.getValue());
            }
        });
        List<Interaction.Part> parts = new ArrayList<>();
        for (MultiPartSpecification part : request.getMultiPartParams()) {
            // a String part is sent as a plain field, although RestAssured reports a default file name for it
            parts.add(part.getContent() instanceof String text
                    ? new Interaction.Part(part.getControlName(), text, null, null)
                    : new Interaction.Part(part.getControlName(), null, part.getFileName(), part.getMimeType()));
        }
        Object body = request.getBody();
        // curl sets the multipart type itself; without a body the type does not matter
        if (body != null && request.getContentType() != null) {
            headers.put("Content-Type", request.getContentType());
        }
        String requestBody = body == null ? null : truncate(body.toString());
        return new Interaction(operationId(request.getMethod(), url), request.getMethod(), url, headers, requestBody,
                parts,
                response == null ? -1 : response.statusCode(),
                response == null ? null : response.contentType(),
                response == null || findings.isEmpty() ? null : truncate(response.asString()),
                findings, error);
    }

    private String operationId(String method, String url) {
        String path = URI.create(url).getRawPath();
        String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
        return Contract.load().operations().stream()
                .filter(o -> o.matches(method, relative))
                .map(ContractOperation::operationId)
                .findFirst().orElse(null);
    }

    private List<String> findings(ValidationReport report) {
        List<String> findings = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            boolean expected = invalidRequestsExpected && message.getKey().startsWith("validation.request.");
            if (message.getLevel() == ValidationReport.Level.ERROR && !expected) {
                findings.add(describe(message, ""));
            }
        }
        return findings;
    }

    private static String describe(ValidationReport.Message message, String indent) {
        StringBuilder text = new StringBuilder(indent).append(message.getKey()).append(": ").append(message.getMessage());
        message.getContext().flatMap(c -> c.getPointers()).ifPresent(p -> text.append(" [at ").append(p.getInstance()).append(']'));
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append('\n').append(describe(nested, indent + "  "));
        }
        return text.toString();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "… (" + s.length() + " characters in all)";
    }
}
