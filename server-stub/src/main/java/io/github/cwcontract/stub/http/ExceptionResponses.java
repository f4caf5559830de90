package io.github.cwcontract.stub.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every exception that escapes a resource into a body of the contract, so that neither Jersey's text/plain
 * errors nor Jackson's parser messages reach a client, and a 5xx only means a bug (it is logged).
 *
 * <ul>
 *   <li>unknown paths, unsupported methods, unparsable path or query parameters: 404, as Rails' router answers;</li>
 *   <li>a body that is not parseable JSON: 400 {@code {"status":400,"error":"Bad Request"}}, as Rails answers;</li>
 *   <li>a body with the wrong JSON types or the wrong content type: 422 in the operation's own
 *       422 shape ({@code {"error"}} on the two message-update operations, {@code {"message","attributes"}}
 *       elsewhere).</li>
 * </ul>
 *
 * This is the only mapper: jersey-media-json-jackson's own mappers are not registered (see StubApplication), and
 * Jersey sends a WebApplicationException that carries an entity (ApiErrors) without asking any mapper.
 */
public final class ExceptionResponses implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ExceptionResponses.class.getName());
    /** The operations whose 422 is {"error": ...}: message update and CSAT update. */
    private static final Pattern ERROR_KEY_422 = Pattern.compile(
            "public/api/v1/(csat_survey/[^/]+|inboxes/[^/]+/contacts/[^/]+/conversations/[^/]+/messages/[^/]+)/?");
    private static final Map<Class<?>, String> JSON_TYPES = Map.of(
            String.class, "a string", Integer.class, "an integer", Long.class, "an integer",
            Boolean.class, "true or false", Map.class, "an object", List.class, "an array");

    @Context
    private UriInfo uriInfo;
    @Context
    private Request request;

    @Override
    public Response toResponse(Throwable exception) {
        JsonProcessingException json = cause(exception, JsonProcessingException.class);
        if (cause(json, JsonParseException.class) != null || cause(json, StreamConstraintsException.class) != null) {
            // Rails cannot parse the parameters at all: ActionDispatch's ParseError, rendered as a 400
            return ApiErrors.badRequestResponse();
        }
        if (json != null) {
            return badBody(describe(json), attribute(json));
        }
        if (exception instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status == 415) {
                return badBody("Content-Type is not supported here: send application/json"
                        + (request.getMethod().equals("POST") && uriInfo.getPath().endsWith("/messages")
                        ? " or multipart/form-data" : ""), List.of());
            }
            if (status == 400) {
                return badBody("The request body could not be read", List.of());
            }
            if (status < 500) {
                return ApiErrors.notFoundResponse();
            }
        }
        LOG.log(Level.SEVERE, "Unexpected error on " + request.getMethod() + " /" + uriInfo.getPath(), exception);
        return ApiErrors.internalErrorResponse();
    }

    private Response badBody(String message, List<String> attributes) {
        boolean errorKey = (request.getMethod().equals("PUT") || request.getMethod().equals("PATCH"))
                && ERROR_KEY_422.matcher(uriInfo.getPath(false)).matches();
        return errorKey ? ApiErrors.unprocessableResponse(message) : ApiErrors.invalidResponse(message, attributes);
    }

    private static String describe(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "The request body is not valid JSON";
        }
        String path = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (path.isEmpty()) {
            return "The request body must be a JSON object";
        }
        if (mapping.getOriginalMessage().startsWith("Missing required creator property")) {
            return path.replace(".[", "[") + " is required";
        }
        String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? JSON_TYPES.entrySet().stream()
                        .filter(type -> type.getKey().isAssignableFrom(mismatch.getTargetType()))
                        .map(Map.Entry::getValue).findFirst().orElse(null)
                : null;
        return path.replace(".[", "[") + (expected != null ? " must be " + expected : " is invalid");
    }

    private static List<String> attribute(JsonProcessingException e) {
        return e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null
                ? List.of(mapping.getPath().get(0).getFieldName())
                : List.of();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
