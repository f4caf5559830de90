package io.github.cwcontract.conformance.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.opentest4j.AssertionFailedError;

/** A response that has passed contract validation, with helpers for the behaviour checks. */
public final class ApiResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String operation;
    private final Response response;
    private JsonNode json;

    ApiResponse(String operation, Response response) {
        this.operation = operation;
        this.response = response;
    }

    public int status() {
        return response.statusCode();
    }

    public String text() {
        return response.asString();
    }

    /** Fails unless the server answered with this status. */
    public ApiResponse expect(int status) {
        if (response.statusCode() != status) {
            throw new AssertionFailedError(operation + " answered " + response.statusCode() + ", expected " + status
                    + ". Body: " + abbreviate(text()), status, response.statusCode());
        }
        return this;
    }

    /** The body as JSON; fails when it is not JSON. */
    public JsonNode json() {
        if (json == null) {
            try {
                json = JSON.readTree(text());
            } catch (JsonProcessingException e) {
                throw new AssertionFailedError(operation + " answered a body that is not JSON: " + abbreviate(text()));
            }
        }
        return json;
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }
}
