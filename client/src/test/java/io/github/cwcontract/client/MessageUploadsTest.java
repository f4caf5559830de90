package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cwcontract.client.model.Message;
import io.github.cwcontract.client.model.ValidationError;
import io.github.cwcontract.client.support.ChatwootErrors;
import io.github.cwcontract.client.support.MessageUploads;
import io.github.cwcontract.client.support.MessageUploads.Upload;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link MessageUploads} puts on the wire: a multipart/form-data body as a browser form (and Rails' parser) has
 * it, with UTF-8 text parts and one {@code attachments[]} part per file, each with its file name and media type.
 */
class MessageUploadsTest {

  private static final String MESSAGE = "{\"id\":1,\"content\":\"x\",\"message_type\":0,\"content_type\":\"text\","
      + "\"content_attributes\":{},\"created_at\":1,\"conversation_id\":7}";

  private record Part(Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @RegisterExtension
  final LocalServer server = new LocalServer();
  private MessageUploads uploads;

  @BeforeEach
  void setUp() {
    server.body = MESSAGE;
    uploads = new MessageUploads(server.client());
  }

  @Test
  void textAndFilesAreRepeatedPartsWithNameAndMediaType(@TempDir Path dir) throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2};
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    Path shot = Files.write(dir.resolve("screen shot.png"), png);
    Path doc = Files.write(dir.resolve("doc.pdf"), pdf);

    Message answer = uploads.createMessage("in box", "source", 7, "Grüße 👋\r\nline 2", "tmp-1",
        List.of(Upload.of(shot), Upload.of(doc)));

    assertEquals(7, answer.getConversationId());
    assertEquals("POST", server.requestMethod);
    assertEquals("/public/api/v1/inboxes/in%20box/contacts/source/conversations/7/messages", server.requestPath);
    assertEquals("application/json", server.header("Accept"));
    List<Part> parts = parts();
    assertEquals(4, parts.size());
    assertEquals("form-data; name=\"content\"", parts.get(0).headers().get("content-disposition"));
    assertEquals("text/plain; charset=UTF-8", parts.get(0).headers().get("content-type"));
    assertEquals("Grüße 👋\r\nline 2", parts.get(0).text());
    assertEquals("form-data; name=\"echo_id\"", parts.get(1).headers().get("content-disposition"));
    assertEquals("tmp-1", parts.get(1).text());

    assertEquals("form-data; name=\"attachments[]\"; filename=\"screen shot.png\"",
        parts.get(2).headers().get("content-disposition"));
    assertEquals("image/png", parts.get(2).headers().get("content-type"));
    assertArrayEquals(png, parts.get(2).body());
    assertEquals("form-data; name=\"attachments[]\"; filename=\"doc.pdf\"", parts.get(3).headers().get("content-disposition"));
    assertEquals("application/pdf", parts.get(3).headers().get("content-type"));
    assertArrayEquals(pdf, parts.get(3).body());
    assertEquals(server.requestBody.length, Integer.parseInt(server.header("Content-Length")));
  }

  @Test
  void fileNamesAreUtf8WithQuotesAndLineBreaksEscaped() throws Exception {
    uploads.createMessage("inbox", "source", 7, null, null,
        List.of(Upload.of("Grüße.pdf", new byte[] {1}), Upload.of("say \"hi\"\r\n.txt", new byte[] {2})));

    List<Part> parts = parts();
    assertEquals("form-data; name=\"attachments[]\"; filename=\"Grüße.pdf\"", parts.get(0).headers().get("content-disposition"));
    assertEquals("form-data; name=\"attachments[]\"; filename=\"say %22hi%22%0D%0A.txt\"",
        parts.get(1).headers().get("content-disposition"));
  }

  @Test
  void mediaTypesAreGuessedFromTheNameOrGiven(@TempDir Path dir) throws Exception {
    Path webp = Files.write(dir.resolve("photo.bin"), new byte[] {1});

    uploads.createMessage("inbox", "source", 7, null, null, List.of(
        Upload.of("clip.mp4", new byte[] {1}),
        Upload.of("data.unknownext", new byte[] {2}),
        Upload.of(webp, "image/webp"),
        new Upload("voice.ogg", "audio/ogg", BodyPublishers.ofString("x"))));

    List<String> types = parts().stream().map(p -> p.headers().get("content-type")).toList();
    assertEquals(List.of("video/mp4", "application/octet-stream", "image/webp", "audio/ogg"), types);
  }

  @Test
  void textOnlyIsOnePart() throws Exception {
    uploads.createMessage("inbox", "source", 7, "Hello", null, List.of());

    List<Part> parts = parts();
    assertEquals(1, parts.size());
    assertEquals("Hello", parts.get(0).text());
  }

  @Test
  void nothingToSendIsRefused() {
    // a multipart body needs at least one part (RFC 2046); an empty message goes through the JSON createMessage
    assertThrows(IllegalArgumentException.class, () -> uploads.createMessage("inbox", "source", 7, null, null, List.of()));
    assertNull(server.requestMethod);
  }

  @Test
  void errorsCarryStatusHeadersAndBodyAsUtf8() {
    server.status = 422;
    server.body = "{\"message\":\"Content ist zu lang: Grüße\",\"attributes\":[\"content\"]}";

    ApiException e = assertThrows(ApiException.class,
        () -> uploads.createMessage("inbox", "source", 7, "x", null, List.of()));

    assertEquals(422, e.getCode());
    assertEquals(server.body, e.getResponseBody());
    assertEquals("application/json; charset=utf-8", e.getResponseHeaders().firstValue("Content-Type").orElseThrow());
    assertEquals(List.of("content"), ChatwootErrors.parse(e, ValidationError.class).orElseThrow().getAttributes());
  }

  @Test
  void theApiClientsSettingsApply() throws Exception {
    AtomicInteger responses = new AtomicInteger();
    ApiClient client = server.client()
        .setRequestInterceptor(request -> request.header("X-Test", "intercepted"))
        .setResponseInterceptor(response -> responses.incrementAndGet())
        .setReadTimeout(Duration.ofSeconds(1));
    new MessageUploads(client).createMessage("inbox", "source", 7, "x", null, List.of());
    assertEquals("intercepted", server.header("X-Test"));
    assertEquals(1, responses.get());

    server.delay = Duration.ofSeconds(3);
    ApiException timedOut = assertThrows(ApiException.class,
        () -> new MessageUploads(client).createMessage("inbox", "source", 7, "x", null, List.of()));
    assertEquals(HttpTimeoutException.class, timedOut.getCause().getClass());
  }

  /** Splits the captured body at the boundary named in its Content-Type (RFC 7578). */
  private List<Part> parts() {
    String contentType = server.header("Content-Type");
    Matcher boundary = Pattern.compile("^multipart/form-data; boundary=(\\S+)$").matcher(contentType);
    assertTrue(boundary.matches(), contentType);
    byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.US_ASCII);
    byte[] data = server.requestBody;
    List<Part> parts = new ArrayList<>();
    int start = indexOf(data, delimiter, 0) + delimiter.length;
    while (data[start] != '-') { // "--" right after a delimiter closes the body
      int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
      int next = indexOf(data, delimiter, headersEnd);
      Map<String, String> headers = new LinkedHashMap<>();
      String headerBlock = new String(data, start + 2, headersEnd - start - 2, StandardCharsets.UTF_8);
      for (String line : headerBlock.split("\r\n")) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      parts.add(new Part(headers, Arrays.copyOfRange(data, headersEnd + 4, next - 2))); // minus the CRLF before "--"
      start = next + delimiter.length;
    }
    return parts;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found in the multipart body");
  }
}
