package io.github.cwcontract.stub;

import io.github.cwcontract.stub.http.ApiErrors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers itself, before a request reaches Jersey, in the {@code {"status","error"}} JSON of Rails'
 * error pages instead of Jetty's HTML. A request line whose path Jetty cannot parse (e.g. {@code %00}, which it
 * never accepts) is answered like any unknown path: 404. Anything else malformed keeps Jetty's status (e.g. 400).
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        int status = code == HttpStatus.BAD_REQUEST_400 && unparsablePath(cause) ? HttpStatus.NOT_FOUND_404 : code;
        String body = "{\"status\":" + status + ",\"error\":\"" + HttpStatus.getMessage(status) + "\"}";
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiErrors.JSON_UTF8);
        if (!request.getConnectionMetaData().isPersistent()) {
            // Jetty closes the connection after this answer, but for a request line it could not parse it answers as
            // to HTTP/1.0 (where closing goes without saying) and leaves Connection: close out of an HTTP/1.1 answer
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** Jetty's URI parser reports a path it rejects as an IllegalArgumentException under the BadMessageException. */
    private static boolean unparsablePath(Throwable cause) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }
}
