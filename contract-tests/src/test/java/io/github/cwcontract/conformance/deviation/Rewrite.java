package io.github.cwcontract.conformance.deviation;

/** How a {@link DeviatingProxy} alters the traffic: the request before forwarding, the response before answering. */
interface Rewrite {

    Rewrite NONE = new Rewrite() {
    };

    default void request(Request request) {
    }

    default void response(Request request, Response response) {
    }

    /** The request as received from the suite, changeable before it is forwarded. */
    final class Request {
        String method;
        String path;
        String query;
        String contentType;
        byte[] body;

        Request(String method, String path, String query, String contentType, byte[] body) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.contentType = contentType;
            this.body = body;
        }
    }

    /** The reference server's response, changeable before it is returned. */
    final class Response {
        int status;
        String contentType;
        byte[] body;

        Response(int status, String contentType, byte[] body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }
    }
}
