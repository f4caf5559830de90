package io.github.cwcontract.client.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.client.ApiClient;
import io.github.cwcontract.client.ApiException;
import io.github.cwcontract.client.model.Message;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates a message with attachments: {@code POST …/messages} as {@code multipart/form-data}, the form the contract
 * describes next to the JSON body. The generated {@code MessagesApi.createMessage} sends JSON, which cannot carry
 * files.
 *
 * <p>Like a generated API object it takes the {@link ApiClient}'s settings when it is created (base URI, HTTP
 * client, interceptors, read timeout, object mapper) and is thread-safe.
 */
public final class MessageUploads {

  private static final String PATH = "/public/api/v1/inboxes/%s/contacts/%s/conversations/%d/messages";

  /**
   * One {@code attachments[]} file as sent: its name, its media type and its bytes. Chatwoot derives the
   * attachment's {@code file_type} ({@code image}, {@code audio}, {@code video}, {@code file}) from the media type.
   */
  public record Upload(String fileName, String mediaType, BodyPublisher content) {

    public Upload {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(content, "content");
    }

    /** The file, with the media type guessed from its name. */
    public static Upload of(Path file) throws FileNotFoundException {
      return of(file, guessMediaType(file.getFileName().toString()));
    }

    public static Upload of(Path file, String mediaType) throws FileNotFoundException {
      return new Upload(file.getFileName().toString(), mediaType, BodyPublishers.ofFile(file));
    }

    /** Bytes in memory, with the media type guessed from the name. */
    public static Upload of(String fileName, byte[] content) {
      return new Upload(fileName, guessMediaType(fileName), BodyPublishers.ofByteArray(content));
    }

    /** The JDK's table of file name extensions ({@code content-types.properties}); octet-stream if unknown. */
    static String guessMediaType(String fileName) {
      String guessed = URLConnection.guessContentTypeFromName(fileName);
      return guessed != null ? guessed : "application/octet-stream";
    }
  }

  private final HttpClient httpClient;
  private final ObjectMapper objectMapper;
  private final String baseUri;
  private final Consumer<HttpRequest.Builder> requestInterceptor;
  private final Consumer<HttpResponse<InputStream>> responseInterceptor;
  private final Duration readTimeout;

  public MessageUploads(ApiClient apiClient) {
    httpClient = apiClient.getHttpClient();
    objectMapper = apiClient.getObjectMapper();
    baseUri = apiClient.getBaseUri();
    requestInterceptor = apiClient.getRequestInterceptor();
    responseInterceptor = apiClient.getResponseInterceptor();
    readTimeout = apiClient.getReadTimeout();
  }

  /**
   * Sends {@code content} and {@code echo_id} (each only if not null) and one {@code attachments[]} part per upload,
   * in this order.
   *
   * @throws IllegalArgumentException if there is nothing to send: a multipart body needs at least one part; send an
   *     empty message with {@code MessagesApi.createMessage(…, null)}
   * @throws ApiException for a non-2xx answer, with its status, headers and body as the generated methods give them
   *     (see {@link ChatwootErrors}), or wrapping an I/O failure
   */
  public Message createMessage(String inboxIdentifier, String contactIdentifier, int conversationId, String content,
      String echoId, List<Upload> attachments) throws ApiException {
    Objects.requireNonNull(inboxIdentifier, "inboxIdentifier");
    Objects.requireNonNull(contactIdentifier, "contactIdentifier");
    Objects.requireNonNull(attachments, "attachments");
    if (content == null && echoId == null && attachments.isEmpty()) {
      throw new IllegalArgumentException("nothing to send");
    }
    Multipart form = new Multipart();
    if (content != null) {
      form.text("content", content);
    }
    if (echoId != null) {
      form.text("echo_id", echoId);
    }
    for (Upload upload : attachments) {
      form.file("attachments[]", upload);
    }

    HttpRequest.Builder request = HttpRequest.newBuilder()
        .uri(URI.create(baseUri + String.format(PATH, ApiClient.urlEncode(inboxIdentifier),
            ApiClient.urlEncode(contactIdentifier), conversationId)))
        .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
        .header("Accept", "application/json")
        .POST(form.body());
    if (readTimeout != null) {
      request.timeout(readTimeout);
    }
    if (requestInterceptor != null) {
      requestInterceptor.accept(request);
    }
    try {
      HttpResponse<InputStream> response = httpClient.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (responseInterceptor != null) {
        responseInterceptor.accept(response);
      }
      byte[] body;
      try (InputStream in = ApiClient.getResponseBody(response)) {
        body = in == null ? new byte[0] : in.readAllBytes();
      }
      if (response.statusCode() / 100 != 2) {
        String text = new String(body, StandardCharsets.UTF_8);
        throw new ApiException(response.statusCode(),
            "createMessage call failed with: " + response.statusCode() + " - " + (text.isEmpty() ? "[no body]" : text),
            response.headers(), text);
      }
      return objectMapper.readValue(body, Message.class);
    } catch (IOException e) {
      throw new ApiException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(e);
    }
  }

  /** A {@code multipart/form-data} body (RFC 7578) with headers written as browsers write them: UTF-8. */
  private static final class Multipart {
    // random, so it cannot occur in the content by accident
    final String boundary = "cw-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    void text(String name, String value) {
      write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
          + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n");
    }

    void file(String name, Upload upload) {
      write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
          + quoted(upload.fileName()) + "\"\r\nContent-Type: " + upload.mediaType() + "\r\n\r\n");
      flush();
      parts.add(upload.content());
      write("\r\n");
    }

    BodyPublisher body() {
      write("--" + boundary + "--\r\n");
      flush();
      return BodyPublishers.concat(parts.toArray(BodyPublisher[]::new));
    }

    private void write(String text) {
      pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void flush() {
      parts.add(BodyPublishers.ofByteArray(pending.toByteArray()));
      pending.reset();
    }

    /** The escapes of the HTML standard's form encoding, so the value cannot end the quoted string or the line. */
    private static String quoted(String fileName) {
      return fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
  }
}
