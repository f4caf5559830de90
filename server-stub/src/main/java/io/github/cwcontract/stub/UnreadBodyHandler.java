package io.github.cwcontract.stub;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads the rest of a request body that the application left unread (a 404, a 422 for the content type, a GET with
 * a body) before the answer is committed, as Puma reads every body before Rails sees the request. Left to itself,
 * Jetty reads only the part of the body that has already arrived once the exchange is over; if the rest is still on
 * the wire it closes the connection after an answer that did not say {@code Connection: close}, and a client reusing
 * it loses its next request. A body that cannot be read to its end makes the answer announce the close instead.
 */
final class UnreadBodyHandler extends Handler.Wrapper {
    UnreadBodyHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Response draining = new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                readRestBeforeCommit(request, response);
                super.write(last, content, written);
            }
        };
        // an answer without a body is committed by the callback, without a write
        return super.handle(request, draining, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                readRestBeforeCommit(request, response);
                super.succeeded();
            }
        });
    }

    private static void readRestBeforeCommit(Request request, Response response) {
        if (response.isCommitted()) {
            return;
        }
        try {
            Content.Source.consumeAll(request);
        } catch (IOException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
    }
}
