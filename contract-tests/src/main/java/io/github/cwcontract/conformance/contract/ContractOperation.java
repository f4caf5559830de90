package io.github.cwcontract.conformance.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One operation of the contract.
 *
 * @param operationId the contract's operationId
 * @param method      upper-case HTTP method
 * @param path        the path template, e.g. {@code /public/api/v1/inboxes/{inbox_identifier}}
 * @param statuses    the declared response status codes, in document order
 * @param node        the operation's YAML node (parameters, request body, responses; may hold {@code $ref}s)
 */
public record ContractOperation(String operationId, String method, String path, List<String> statuses,
                                JsonNode node) {

    /** Whether a concrete request path (without the deployment's base path) is an instance of this template. */
    public boolean matches(String method, String concretePath) {
        return this.method.equalsIgnoreCase(method) && pathPattern().matcher(concretePath).matches();
    }

    private Pattern pathPattern() {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
