package io.github.cwcontract.stub.http;

import io.github.cwcontract.stub.model.CsatLockedError;
import io.github.cwcontract.stub.model.StatusError;
import io.github.cwcontract.stub.model.ValidationError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The error bodies a Chatwoot server sends, as exceptions the resources throw. Jersey sends the response of a
 * WebApplicationException that carries an entity as it is, without consulting any exception mapper.
 */
public final class ApiErrors {
    public static final String JSON_UTF8 = "application/json; charset=utf-8";

    private ApiErrors() {
    }

    /** Rails' exceptions app for RecordNotFound and unknown routes: 404 {@code {"status":404,"error":"Not Found"}}. */
    public static WebApplicationException notFound() {
        return new WebApplicationException(notFoundResponse());
    }

    /** RecordInvalid: 422 {@code {"message": "<full messages joined by ', '>", "attributes": [...]}}. */
    public static WebApplicationException invalid(String message, List<String> attributes) {
        return new WebApplicationException(invalidResponse(message, attributes));
    }

    /** The {@code {"error": ...}} 422 of the two message-update endpoints (e.g. the CSAT 14-day lock). */
    public static WebApplicationException unprocessable(String error) {
        return new WebApplicationException(unprocessableResponse(error));
    }

    /** Any unhandled exception in Rails: 500 {@code {"status":500,"error":"Internal Server Error"}}. */
    public static WebApplicationException internalError() {
        return new WebApplicationException(internalErrorResponse());
    }

    /** ActionDispatch's ParseError (a body that is not parseable JSON): 400 {@code {"status":400,"error":"Bad Request"}}. */
    public static Response badRequestResponse() {
        return json(400, new StatusError(400, "Bad Request"));
    }

    static Response notFoundResponse() {
        return json(404, new StatusError(404, "Not Found"));
    }

    static Response invalidResponse(String message, List<String> attributes) {
        return json(422, new ValidationError(message, attributes));
    }

    static Response unprocessableResponse(String error) {
        return json(422, new CsatLockedError(error));
    }

    static Response internalErrorResponse() {
        return json(500, new StatusError(500, "Internal Server Error"));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(JSON_UTF8).entity(body).build();
    }
}
