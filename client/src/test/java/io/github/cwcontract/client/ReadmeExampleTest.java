package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cwcontract.client.api.ContactsApi;
import io.github.cwcontract.client.api.ConversationsApi;
import io.github.cwcontract.client.api.MessagesApi;
import io.github.cwcontract.client.model.ContactCreateRequest;
import io.github.cwcontract.client.model.ContactSession;
import io.github.cwcontract.client.model.Conversation;
import io.github.cwcontract.client.model.Message;
import io.github.cwcontract.client.model.MessageCreateRequest;
import io.github.cwcontract.client.support.MessageUploads;
import io.github.cwcontract.client.support.MessageUploads.Upload;
import io.github.cwcontract.stub.StubConfig;
import io.github.cwcontract.stub.StubServer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, line for line, against the reference server. */
class ReadmeExampleTest {

  @Test
  void quickStart(@TempDir Path dir) throws Exception {
    try (StubServer server = StubServer.start(StubConfig.defaults().withPort(0)
        .withInboxes(List.of(StubConfig.InboxSpec.plain("Hk3pXy7QwZ2mN8vR4tLc6BsJ"))))) {
      Path invoice = Files.writeString(dir.resolve("invoice.pdf"), "%PDF-1.4\n");
      List<String> printed = new ArrayList<>();

      // --- README "Quick start" (with the server's address, a temporary file, and a list instead of System.out)
      ApiClient client = new ApiClient()
          .setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
      client.updateBaseUri(server.baseUri().toString());
      String inbox = "Hk3pXy7QwZ2mN8vR4tLc6BsJ";

      ContactsApi contacts = new ContactsApi(client);
      ConversationsApi conversations = new ConversationsApi(client);
      MessagesApi messages = new MessagesApi(client);
      MessageUploads uploads = new MessageUploads(client);

      ContactSession session = contacts.createContact(inbox, new ContactCreateRequest().name("Alice Martin").email("alice@acme.inc"));
      String sourceId = session.getSourceId();
      Conversation conversation = conversations.createConversation(inbox, sourceId, null);
      messages.createMessage(inbox, sourceId, conversation.getId(), new MessageCreateRequest().content("Hello, my invoice is wrong"));
      uploads.createMessage(inbox, sourceId, conversation.getId(), "Here it is", null, List.of(Upload.of(invoice)));
      for (Message message : messages.listMessages(inbox, sourceId, conversation.getId(), null)) {
        printed.add(message.getMessageType() + " " + message.getContent());
      }
      // ---

      assertEquals(List.of("0 Hello, my invoice is wrong", "0 Here it is"), printed);
    }
  }
}
