package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cwcontract.client.api.MessagesApi;
import io.github.cwcontract.client.model.Message;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the generated {@code createMessage} puts on the wire: a multipart/form-data body as a browser form (and
 * Rails' parser) has it, with one {@code attachments[]} part per file, each with its file name and media type.
 */
class MultipartRequestTest {

  private static final String MESSAGE = "{\"id\":1,\"content\":\"x\",\"message_type\":0,\"content_type\":\"text\","
      + "\"content_attributes\":{},\"created_at\":1,\"conversation_id\":7}";

  private record Part(Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private LocalServer server;
  private MessagesApi api;

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
    server.body = MESSAGE;
    api = new MessagesApi(server.client());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void filesAreRepeatedAttachmentPartsWithNameAndMediaType(@TempDir Path dir) throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2};
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    File shot = Files.write(dir.resolve("screen shot.png"), png).toFile();
    File doc = Files.write(dir.resolve("doc.pdf"), pdf).toFile();

    Message answer = api.createMessage("inbox", "source", 7, "Grüße 👋", "tmp-1", List.of(shot, doc));

    assertEquals(7, answer.getConversationId());
    assertEquals("POST", server.requestMethod);
    assertEquals("/public/api/v1/inboxes/inbox/contacts/source/conversations/7/messages", server.requestPath);
    List<Part> parts = parts();
    assertEquals(4, parts.size());
    assertEquals("form-data; name=\"content\"", parts.get(0).headers().get("content-disposition"));
    assertEquals("Grüße 👋", parts.get(0).text());
    assertEquals("form-data; name=\"echo_id\"", parts.get(1).headers().get("content-disposition"));
    assertEquals("tmp-1", parts.get(1).text());

    assertEquals("form-data; name=\"attachments[]\"; filename=\"screen shot.png\"",
        parts.get(2).headers().get("content-disposition"));
    assertEquals("image/png", parts.get(2).headers().get("content-type"));
    assertArrayEquals(png, parts.get(2).body());
    assertEquals("form-data; name=\"attachments[]\"; filename=\"doc.pdf\"", parts.get(3).headers().get("content-disposition"));
    assertEquals("application/pdf", parts.get(3).headers().get("content-type"));
    assertArrayEquals(pdf, parts.get(3).body());
  }

  @Test
  void fileNamesKeepTheirCharacters(@TempDir Path dir) throws Exception {
    File file = Files.write(dir.resolve("Grüße.pdf"), new byte[] {1}).toFile();

    api.createMessage("inbox", "source", 7, null, null, List.of(file));

    assertEquals("form-data; name=\"attachments[]\"; filename=\"Grüße.pdf\"", parts().get(0).headers().get("content-disposition"));
  }

  @Test
  void aFileOfUnknownTypeIsSentAsOctetStream(@TempDir Path dir) throws Exception {
    File blob = Files.write(dir.resolve("data.unknownext"), new byte[] {1, 2, 3}).toFile();

    api.createMessage("inbox", "source", 7, null, null, List.of(blob));

    List<Part> parts = parts();
    assertEquals(1, parts.size());
    assertEquals("application/octet-stream", parts.get(0).headers().get("content-type"));
  }

  @Test
  void textOnlyNeedsNoAttachmentList() throws Exception {
    api.createMessage("inbox", "source", 7, "Hello", null, null);

    List<Part> parts = parts();
    assertEquals(1, parts.size());
    assertEquals("Hello", parts.get(0).text());
  }

  @Test
  void anEmptyMessageHasNoBody() throws Exception {
    // a multipart body needs at least one part (RFC 2046); the request body is optional
    api.createMessage("inbox", "source", 7, null, null, List.of());

    assertEquals(0, server.requestBody.length);
    assertNull(server.header("Content-Type"));
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
