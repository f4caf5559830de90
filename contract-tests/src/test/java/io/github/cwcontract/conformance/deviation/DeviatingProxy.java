package io.github.cwcontract.conformance.deviation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** An HTTP proxy in front of the reference server that breaks the contract in the way its {@link Rewrite} says. */
final class DeviatingProxy implements AutoCloseable {

    static {
        // without it the JDK server's answers wait ~40 ms for delayed ACKs on keep-alive connections
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final Rewrite rewrite;

    DeviatingProxy(URI upstream, Rewrite rewrite) throws IOException {
        this.upstream = upstream;
        this.rewrite = rewrite;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Rewrite.Request request = new Rewrite.Request(exchange.getRequestMethod(), uri.getRawPath(),
                    uri.getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes());
            rewrite.request(request);

            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + request.path
                            + (request.query == null || request.query.isEmpty() ? "" : "?" + request.query)))
                    .method(request.method, request.body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body));
            if (request.contentType != null) {
                forward.header("Content-Type", request.contentType);
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null) {
                forward.header("Accept", accept);
            }
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            Rewrite.Response response = new Rewrite.Response(answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(null), answer.body());
            rewrite.response(request, response);

            if (response.contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType);
            }
            exchange.sendResponseHeaders(response.status, response.body.length == 0 ? -1 : response.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(exchange, e);
        } catch (IOException | RuntimeException e) {
            fail(exchange, e);
        }
    }

    private static void fail(HttpExchange exchange, Exception e) throws IOException {
        byte[] message = ("proxy failure: " + e).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(502, message.length);
        exchange.getResponseBody().write(message);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
