package io.github.cwcontract.client;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A one-route HTTP server that records the last request and answers with a fixed status, type and body (after a delay).
 * A test class gets a fresh one for each test through {@code @RegisterExtension final LocalServer server = new LocalServer();}.
 */
final class LocalServer implements BeforeEachCallback, AfterEachCallback {

  private HttpServer server;
  volatile int status = 200;
  volatile String contentType = "application/json; charset=utf-8";
  volatile String body = "";
  volatile Duration delay = Duration.ZERO;
  volatile String requestMethod;
  volatile String requestPath;
  volatile Map<String, List<String>> requestHeaders;
  volatile byte[] requestBody;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requestMethod = exchange.getRequestMethod();
      requestPath = exchange.getRequestURI().toString();
      requestHeaders = Map.copyOf(exchange.getRequestHeaders());
      requestBody = exchange.getRequestBody().readAllBytes();
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] answer = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", contentType);
      // 0 = chunked in HttpServer; -1 = no body
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  /** A client for this server, on HTTP/1.1 as the README recommends for http:// URLs. */
  ApiClient client() {
    ApiClient client = new ApiClient()
        .setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    client.updateBaseUri("http://127.0.0.1:" + server.getAddress().getPort());
    return client;
  }

  String header(String name) {
    List<String> values = requestHeaders.get(Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase());
    return values == null ? null : values.get(0);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.stop(0);
  }
}
