package io.github.cwcontract.conformance.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.github.cwcontract.conformance.contract.Contract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Atlassian validator built from the contract, one per deployment base path, shared by all tests of a JVM
 * (building one parses the whole contract, which is the slow part).
 */
public final class ContractValidation {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    /** Its INFO messages (e.g. that the survey page's HTML body is not validated) are expected, not news. */
    private static final Logger VALIDATOR_LOG = Logger.getLogger("com.atlassian.oai.validator");

    static {
        VALIDATOR_LOG.setLevel(Level.WARNING);
    }

    private ContractValidation() {
    }

    /** A filter that validates request and response of every exchange. */
    public static OpenApiValidationFilter filter(String basePath) {
        return new OpenApiValidationFilter(validator(basePath));
    }

    /** Builds the validator ahead of the first request, e.g. while the target starts. */
    public static void prepare(String basePath) {
        validator(basePath);
    }

    private static OpenApiInteractionValidator validator(String basePath) {
        return VALIDATORS.computeIfAbsent(basePath, path -> OpenApiInteractionValidator
                .createForInlineApiSpecification(Contract.load().text())
                .withBasePathOverride(path.isEmpty() ? "/" : path)
                .build());
    }
}
