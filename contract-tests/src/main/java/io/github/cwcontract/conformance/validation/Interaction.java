package io.github.cwcontract.conformance.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One request/response exchange with the server, as the validation filter saw it.
 *
 * @param operationId  the contract operation the request matched, or null when it matched none
 * @param method       HTTP method
 * @param url          full request URL, query included
 * @param headers      request headers set by the test (content type, {@code Prefer}, ...)
 * @param body         request body (truncated), or null
 * @param parts        multipart parts, empty for other bodies
 * @param status       response status, or -1 when no response arrived
 * @param contentType  response content type, or null
 * @param responseBody response body (truncated), kept only for interactions with findings
 * @param findings     the validator's findings ({@code key: message}); empty when the exchange conforms
 * @param error        the transport error when no response arrived, else null
 */
public record Interaction(String operationId, String method, String url, Map<String, String> headers, String body,
                          List<Part> parts, int status, String contentType, String responseBody,
                          List<String> findings, String error) {

    /** Key of the JUnit report entries that carry interactions from the tests to the report listeners. */
    public static final String REPORT_ENTRY_KEY = "conformance.interaction";

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean conforms() {
        return findings.isEmpty() && error == null;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Interaction fromJson(String json) {
        try {
            return JSON.readValue(json, Interaction.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request as a copy-paste curl command. */
    public String curl() {
        StringBuilder curl = new StringBuilder("curl -sS -i");
        if (!("GET".equals(method) && body == null && parts.isEmpty())) {
            curl.append(" -X ").append(method);
        }
        headers.forEach((name, value) -> curl.append(" \\\n  -H ").append(quote(name + ": " + value)));
        if (body != null) {
            curl.append(" \\\n  --data-raw ").append(quote(body));
        }
        for (Part part : parts) {
            curl.append(" \\\n  ").append(part.fileName() == null
                    ? "--form-string " + quote(part.name() + "=" + part.value())
                    : "-F " + quote(part.name() + "=@" + part.fileName() + ";type=" + part.mimeType()));
        }
        return curl.append(" \\\n  ").append(quote(url)).toString();
    }

    /**
     * One part of a multipart body.
     *
     * @param name     the control name
     * @param value    the text of a plain field, null for a file
     * @param fileName the file name of a file part (curl reads it from the working directory), else null
     * @param mimeType the file part's content type
     */
    public record Part(String name, String value, String fileName, String mimeType) {
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
