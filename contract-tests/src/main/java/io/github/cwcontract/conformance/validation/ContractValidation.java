package io.github.cwcontract.conformance.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.github.cwcontract.conformance.contract.Contract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Atlassian validators built from the contract, one per deployment base path, shared by all tests of a JVM
 * (building one parses the whole contract, which is the slow part).
 */
public final class ContractValidation {

    private static final Map<String, OpenApiInteractionValidator> STRICT = new ConcurrentHashMap<>();
    private static final Map<String, OpenApiInteractionValidator> RESPONSES_ONLY = new ConcurrentHashMap<>();

    private ContractValidation() {
    }

    /** Validates request and response. */
    public static OpenApiValidationFilter strict(String basePath) {
        return new OpenApiValidationFilter(STRICT.computeIfAbsent(basePath, p -> build(p, false)));
    }

    /**
     * Validates the response only: for requests a test sends on purpose although the contract forbids them (to
     * provoke a documented error), the request findings are expected, the response must still conform.
     */
    public static OpenApiValidationFilter responsesOnly(String basePath) {
        return new OpenApiValidationFilter(RESPONSES_ONLY.computeIfAbsent(basePath, p -> build(p, true)));
    }

    private static OpenApiInteractionValidator build(String basePath, boolean ignoreRequests) {
        LevelResolver.Builder levels = LevelResolver.create();
        if (ignoreRequests) {
            levels.withLevel("validation.request", ValidationReport.Level.IGNORE);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(Contract.load().text())
                .withBasePathOverride(basePath.isEmpty() ? "/" : basePath)
                .withLevelResolver(levels.build())
                .build();
    }
}
