package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cwcontract.client.api.ConversationsApi;
import io.github.cwcontract.client.api.CsatApi;
import io.github.cwcontract.client.api.MessagesApi;
import io.github.cwcontract.client.model.FileAttachment;
import io.github.cwcontract.client.model.Message;
import io.github.cwcontract.client.model.StatusError;
import io.github.cwcontract.client.support.ChatwootErrors;
import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the generated API classes read answers the real server gives. (The surefire JVM runs with a non-UTF-8
 * default charset, so a body decoded with the platform charset would fail here.)
 */
class ResponseHandlingTest {

  private LocalServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void emptyJsonBodiesOfToggleTypingAndUpdateLastSeen() throws Exception {
    ConversationsApi api = new ConversationsApi(server.client());
    server.body = ""; // head :ok, still Content-Type: application/json

    api.toggleTyping("inbox", "source", 7, "on", null);
    assertEquals("/public/api/v1/inboxes/inbox/contacts/source/conversations/7/toggle_typing?typing_status=on",
        server.requestPath);
    api.updateLastSeen("inbox", "source", 7);
    assertEquals("POST", server.requestMethod);
  }

  @Test
  void theSurveyPageIsReturnedAsText() throws Exception {
    CsatApi api = new CsatApi(server.client());
    server.contentType = "text/html; charset=utf-8";
    server.body = "<!DOCTYPE html><html><head><title>Évaluez la conversation</title></head><body></body></html>";

    assertEquals(server.body, api.getCsatSurveyPage(UUID.fromString("b0f4e3a2-5c1d-4e9a-8f7b-2d6c9a1e0f53")));
    assertEquals("text/html", server.header("Accept"));
  }

  @Test
  void bodiesAreDecodedAsUtf8() throws Exception {
    MessagesApi api = new MessagesApi(server.client());
    server.body = "[{\"id\":1,\"content\":\"Grüße 👋\",\"message_type\":0,\"content_type\":\"text\","
        + "\"content_attributes\":{},\"created_at\":1,\"conversation_id\":7}]";
    assertEquals("Grüße 👋", api.listMessages("inbox", "source", 7, null).get(0).getContent());

    server.status = 422;
    server.body = "{\"message\":\"Name is too long: Grüße\",\"attributes\":[\"name\"]}";
    ApiException e = assertThrows(ApiException.class, () -> api.listMessages("inbox", "source", 7, null));
    assertEquals(server.body, e.getResponseBody());
  }

  @Test
  void errorsCarryStatusAndBody() {
    MessagesApi api = new MessagesApi(server.client());
    server.status = 404;
    server.body = "{\"status\":404,\"error\":\"Not Found\"}";

    ApiException e = assertThrows(ApiException.class, () -> api.listMessages("inbox", "source", 7, null));
    assertEquals(404, e.getCode());
    assertEquals("Not Found", ChatwootErrors.parse(e, StatusError.class).orElseThrow().getError());
  }

  @Test
  void variantsOfNewerServersComeThroughAsEmptyWrappers() throws Exception {
    MessagesApi api = new MessagesApi(server.client());
    server.body = "[{\"id\":1,\"content\":\"hi\",\"message_type\":1,\"content_type\":\"text\",\"content_attributes\":{},"
        + "\"created_at\":1,\"conversation_id\":7,\"sender\":{\"id\":9,\"name\":\"Voice\",\"type\":\"voice_agent\"},"
        + "\"attachments\":[{\"id\":1,\"message_id\":1,\"file_type\":\"hologram\",\"account_id\":1},"
        + " {\"id\":2,\"message_id\":1,\"file_type\":\"image\",\"account_id\":1,\"data_url\":\"https://x/a.png\",\"thumb_url\":\"\"}]},"
        + "{\"id\":2,\"content\":\"ok\",\"message_type\":0,\"content_type\":\"text\",\"content_attributes\":{},"
        + "\"created_at\":2,\"conversation_id\":7}]";

    List<Message> messages = api.listMessages("inbox", "source", 7, null);

    assertEquals(2, messages.size());
    assertNull(messages.get(0).getSender().getActualInstance());
    assertNull(messages.get(0).getAttachments().get(0).getActualInstance());
    assertInstanceOf(FileAttachment.class, messages.get(0).getAttachments().get(1).getActualInstance());
    assertEquals("ok", messages.get(1).getContent());
  }

  @Test
  void javaNetHttpAsksForAnH2cUpgradeUnlessToldHttp11() throws Exception {
    ConversationsApi http11 = new ConversationsApi(server.client());
    http11.updateLastSeen("inbox", "source", 7);
    assertNull(server.header("Upgrade"));

    ApiClient defaults = server.client().setHttpClientBuilder(HttpClient.newBuilder());
    new ConversationsApi(defaults).updateLastSeen("inbox", "source", 7);
    assertEquals("h2c", server.header("Upgrade"));
  }
}
