package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.cwcontract.client.api.ContactsApi;
import io.github.cwcontract.client.api.ConversationsApi;
import io.github.cwcontract.client.api.CsatApi;
import io.github.cwcontract.client.api.InboxApi;
import io.github.cwcontract.client.api.MessagesApi;
import io.github.cwcontract.client.model.Contact;
import io.github.cwcontract.client.model.ContactCreateRequest;
import io.github.cwcontract.client.model.ContactSender;
import io.github.cwcontract.client.model.ContactSession;
import io.github.cwcontract.client.model.ContactUpdateRequest;
import io.github.cwcontract.client.model.Conversation;
import io.github.cwcontract.client.model.ConversationCreateRequest;
import io.github.cwcontract.client.model.CsatLockedError;
import io.github.cwcontract.client.model.CsatSubmission;
import io.github.cwcontract.client.model.CsatSubmissionCsatSurveyResponse;
import io.github.cwcontract.client.model.CsatSurvey;
import io.github.cwcontract.client.model.CsatSurveyCsatSurveyResponse;
import io.github.cwcontract.client.model.CsatSurveyUpdateRequest;
import io.github.cwcontract.client.model.CsatSurveyUpdateRequestMessage;
import io.github.cwcontract.client.model.FileAttachment;
import io.github.cwcontract.client.model.Inbox;
import io.github.cwcontract.client.model.Message;
import io.github.cwcontract.client.model.MessageCreateRequest;
import io.github.cwcontract.client.model.MessageUpdateRequest;
import io.github.cwcontract.client.model.StatusError;
import io.github.cwcontract.client.model.SubmittedItem;
import io.github.cwcontract.client.model.TypingStatusRequest;
import io.github.cwcontract.client.model.ValidationError;
import io.github.cwcontract.client.support.ChatwootErrors;
import io.github.cwcontract.client.support.IdentifierHash;
import io.github.cwcontract.client.support.MessageUploads;
import io.github.cwcontract.client.support.MessageUploads.Upload;
import io.github.cwcontract.client.support.SurveyPage;
import io.github.cwcontract.stub.StubConfig;
import io.github.cwcontract.stub.StubServer;
import io.swagger.v3.oas.models.PathItem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated client against the reference server ({@code chatwoot-stub-server}) started in-process: every
 * operation of the contract, the error paths and a CSAT round trip, checking that what comes back is what the
 * server stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

  private static final String INBOX = "Hk3pXy7QwZ2mN8vR4tLc6BsJ";
  private static final String HMAC_INBOX = "Vf5cLm2QxR8tN4wZp7KdJs3H";
  private static final String HMAC_TOKEN = "Kq7vT2mXc9LpR4wZs8NbHd3F";

  /** operationIds of the requests sent, derived from method and path. */
  private static final Set<String> CALLED = new ConcurrentSkipListSet<>();

  private static StubServer server;
  private static InboxApi inboxes;
  private static ContactsApi contacts;
  private static ConversationsApi conversations;
  private static MessagesApi messages;
  private static MessageUploads uploads;
  private static CsatApi csat;
  private static ApiClient apiClient;

  @BeforeAll
  static void start() throws Exception {
    server = StubServer.start(StubConfig.defaults().withPort(0).withInboxes(List.of(
        StubConfig.InboxSpec.plain(INBOX), StubConfig.InboxSpec.hmacMandatory(HMAC_INBOX, HMAC_TOKEN))));
    apiClient = client(server);
    inboxes = new InboxApi(apiClient);
    contacts = new ContactsApi(apiClient);
    conversations = new ConversationsApi(apiClient);
    messages = new MessagesApi(apiClient);
    uploads = new MessageUploads(apiClient);
    csat = new CsatApi(apiClient);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** A client of {@code stub} that records which operations it calls. */
  private static ApiClient client(StubServer stub) {
    ApiClient client = new ApiClient()
        .setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
        .setRequestInterceptor(request -> {
          HttpRequest sent = request.build();
          CALLED.add(operationId(sent.method(), sent.uri().getRawPath()));
        });
    client.updateBaseUri(stub.baseUri().toString());
    return client;
  }

  private static String operationId(String method, String path) {
    for (Map.Entry<String, PathItem> entry : Contract.spec().getPaths().entrySet()) {
      if (Pattern.matches(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+"), path)) {
        var operation = entry.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        if (operation != null) {
          return operation.getOperationId();
        }
      }
    }
    return method + " " + path;
  }

  private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(5);
    T value = probe.get();
    while (value == null && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      value = probe.get();
    }
    assertNotNull(value, "not within 5 s");
    return value;
  }

  private static ApiException fails(int status, Executable call) {
    ApiException e = assertThrows(ApiException.class, call);
    assertEquals(status, e.getCode(), e.getResponseBody());
    return e;
  }

  private static ContactSession newContact(String name) throws ApiException {
    return contacts.createContact(INBOX, new ContactCreateRequest().name(name));
  }

  private static MessageCreateRequest content(String content) {
    return new MessageCreateRequest().content(content);
  }

  @Test
  @Order(1)
  void inboxSettings() throws Exception {
    Inbox inbox = inboxes.getInbox(INBOX);
    assertEquals(INBOX, inbox.getIdentifier());
    assertEquals(Boolean.FALSE, inbox.getIdentityValidationEnabled());
    assertTrue(inbox.getCsatSurveyEnabled());
    assertEquals(7, inbox.getWorkingHours().size());
    assertEquals(0, inbox.getWorkingHours().get(0).getDayOfWeek());

    assertEquals(Boolean.TRUE, inboxes.getInbox(HMAC_INBOX).getIdentityValidationEnabled());

    ApiException e = fails(404, () -> inboxes.getInbox("no-such-inbox"));
    StatusError notFound = ChatwootErrors.parse(e, StatusError.class).orElseThrow();
    assertEquals(404, notFound.getStatus());
    assertEquals("Not Found", notFound.getError());
  }

  @Test
  @Order(2)
  void contactSessions() throws Exception {
    ContactSession created = contacts.createContact(INBOX, new ContactCreateRequest()
        .identifier("cust-42").name("Alice Martin").email("Alice@Acme.inc").phoneNumber("+14155550123")
        .customAttributes(Map.of("plan", "pro")));
    assertNotNull(created.getSourceId());
    assertNotNull(created.getPubsubToken());
    assertEquals("Alice Martin", created.getName());
    assertEquals("alice@acme.inc", created.getEmail());
    assertEquals("+14155550123", created.getPhoneNumber());

    ContactSession shown = contacts.getContact(INBOX, created.getSourceId(), null, null);
    assertEquals(created, shown);

    Contact updated = contacts.updateContact(INBOX, created.getSourceId(),
        new ContactUpdateRequest().name("Alice M.").customAttributes(Map.of("seats", 12)));
    assertEquals(created.getId(), updated.getId());
    assertEquals("Alice M.", updated.getName());
    assertEquals("cust-42", updated.getIdentifier());
    assertEquals(Map.of("plan", "pro", "seats", 12), updated.getCustomAttributes());
    assertEquals(Contact.ContactTypeEnum.LEAD, updated.getContactType());

    Contact put = contacts.updateContactViaPut(INBOX, created.getSourceId(), new ContactUpdateRequest().name("Alice"));
    assertEquals("Alice", put.getName());
    assertEquals("Alice", contacts.getContact(INBOX, created.getSourceId(), null, null).getName());

    // a known source_id returns the session unchanged
    ContactSession again = contacts.createContact(INBOX,
        new ContactCreateRequest().sourceId(created.getSourceId()).name("Someone else"));
    assertEquals(created.getId(), again.getId());
    assertEquals("Alice", again.getName());

    ContactSession anonymous = contacts.createContact(INBOX, null);
    assertFalse(anonymous.getName().isBlank());
    assertNull(anonymous.getEmail());
  }

  @Test
  @Order(3)
  void contactErrors() throws Exception {
    ValidationError invalid = ChatwootErrors.parse(
        fails(422, () -> contacts.createContact(INBOX, new ContactCreateRequest().email("not-an-email"))),
        ValidationError.class).orElseThrow();
    assertEquals("Email Invalid email", invalid.getMessage());
    assertEquals(List.of("email"), invalid.getAttributes());

    String sourceId = newContact("Bob").getSourceId();
    ValidationError phone = ChatwootErrors.parse(
        fails(422, () -> contacts.updateContact(INBOX, sourceId, new ContactUpdateRequest().phoneNumber("0155"))),
        ValidationError.class).orElseThrow();
    assertEquals(List.of("phone_number"), phone.getAttributes());

    fails(404, () -> contacts.getContact(INBOX, "no-such-session", null, null));
    fails(404, () -> contacts.createContact("no-such-inbox", null));
  }

  @Test
  @Order(4)
  void identityValidation() throws Exception {
    StatusError missing = ChatwootErrors.parse(
        fails(500, () -> contacts.createContact(HMAC_INBOX, new ContactCreateRequest().identifier("cust-7"))),
        StatusError.class).orElseThrow();
    assertEquals(500, missing.getStatus());
    assertEquals("Internal Server Error", missing.getError());

    String hash = IdentifierHash.of(HMAC_TOKEN, "cust-7");
    ContactSession session = contacts.createContact(HMAC_INBOX,
        new ContactCreateRequest().identifier("cust-7").identifierHash(hash).name("Carol"));
    assertEquals("Carol", session.getName());
    assertEquals(session, contacts.getContact(HMAC_INBOX, session.getSourceId(), "cust-7", hash));
    assertEquals("Caroline", contacts.updateContact(HMAC_INBOX, session.getSourceId(),
        new ContactUpdateRequest().identifier("cust-7").identifierHash(hash).name("Caroline")).getName());

    String wrong = IdentifierHash.of("another-token", "cust-7");
    fails(500, () -> contacts.getContact(HMAC_INBOX, session.getSourceId(), "cust-7", wrong));
    fails(500, () -> contacts.getContact(HMAC_INBOX, session.getSourceId(), null, null));
    // an anonymous contact of an inbox that requires the hash signs the empty identifier
    assertNotNull(contacts.createContact(HMAC_INBOX,
        new ContactCreateRequest().identifierHash(IdentifierHash.of(HMAC_TOKEN, ""))).getSourceId());
  }

  @Test
  @Order(5)
  void conversationsAndMessages(@TempDir Path dir) throws Exception {
    ContactSession session = newContact("Dave");
    String sourceId = session.getSourceId();

    Conversation opened = conversations.createConversation(INBOX, sourceId,
        new ConversationCreateRequest().customAttributes(Map.of("order_id", "A-1042")));
    int id = opened.getId();
    assertEquals(Conversation.StatusEnum.OPEN, opened.getStatus());
    assertEquals(List.of(), opened.getMessages());
    assertEquals(session.getId(), opened.getContact().getId());
    assertEquals(0L, opened.getContactLastSeenAt());

    Message text = messages.createMessage(INBOX, sourceId, id, content("Grüße 👋 <b>&").echoId("tmp-1"));
    assertEquals("Grüße 👋 <b>&", text.getContent());
    assertEquals(Message.MessageTypeEnum.INCOMING, text.getMessageType());
    assertEquals(Message.ContentTypeEnum.TEXT, text.getContentType());
    assertEquals(id, text.getConversationId());
    assertNull(text.getAttachments());
    ContactSender sender = assertInstanceOf(ContactSender.class, text.getSender().getActualInstance());
    assertEquals(session.getId(), sender.getId());
    assertEquals("Dave", sender.getName());

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    byte[] pdf = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);
    Path shot = Files.write(dir.resolve("screenshot.png"), png);
    Path doc = Files.write(dir.resolve("invoice May.pdf"), pdf);
    Message upload = uploads.createMessage(INBOX, sourceId, id, "Here it is 📎", "tmp-2",
        List.of(Upload.of(shot), Upload.of(doc)));
    assertEquals("Here it is 📎", upload.getContent());
    assertEquals(Message.MessageTypeEnum.INCOMING, upload.getMessageType());
    assertEquals(2, upload.getAttachments().size());
    FileAttachment image = assertInstanceOf(FileAttachment.class, upload.getAttachments().get(0).getActualInstance());
    assertEquals(FileAttachment.FileTypeEnum.IMAGE, image.getFileType());
    assertEquals(upload.getId(), image.getMessageId());
    assertEquals(png.length, image.getFileSize());
    assertEquals("png", image.getExtension());
    assertEquals("image/png", image.getContentType());
    assertNotNull(image.getDataUrl());
    FileAttachment file = assertInstanceOf(FileAttachment.class, upload.getAttachments().get(1).getActualInstance());
    assertEquals(FileAttachment.FileTypeEnum.FILE, file.getFileType());
    assertEquals("application/pdf", file.getContentType());
    assertEquals(pdf.length, file.getFileSize());
    assertTrue(file.getDataUrl().endsWith("/invoice%20May.pdf"), file.getDataUrl());

    List<Message> listed = messages.listMessages(INBOX, sourceId, id, null);
    assertEquals(List.of(text.getId(), upload.getId()), listed.stream().map(Message::getId).toList());
    assertEquals(text, listed.get(0));
    assertEquals(upload.getAttachments(), listed.get(1).getAttachments());

    Conversation shown = conversations.getConversation(INBOX, sourceId, id);
    assertEquals(opened.getUuid(), shown.getUuid());
    assertEquals(listed, shown.getMessages());
    assertEquals(List.of(id), conversations.listConversations(INBOX, sourceId).stream().map(Conversation::getId).toList());

    conversations.toggleTyping(INBOX, sourceId, id, null, new TypingStatusRequest().typingStatus(TypingStatusRequest.TypingStatusEnum.ON));
    conversations.toggleTyping(INBOX, sourceId, id, "off", null);
    conversations.updateLastSeen(INBOX, sourceId, id);
    assertTrue(conversations.getConversation(INBOX, sourceId, id).getContactLastSeenAt() > 0);
  }

  @Test
  @Order(6)
  void anEmptyMessage() throws Exception {
    String sourceId = newContact("Eve").getSourceId();
    int id = conversations.createConversation(INBOX, sourceId, null).getId();

    Message empty = messages.createMessage(INBOX, sourceId, id, null);

    assertNull(empty.getContent());
    assertNull(empty.getAttachments());
    assertEquals(List.of(empty), messages.listMessages(INBOX, sourceId, id, null));
  }

  @Test
  @Order(6)
  void aFileNameOutsideAscii() throws Exception {
    String sourceId = newContact("Faye").getSourceId();
    int id = conversations.createConversation(INBOX, sourceId, null).getId();

    Message upload = uploads.createMessage(INBOX, sourceId, id, null, null,
        List.of(Upload.of("Rechnung für Mai.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))));

    FileAttachment file = assertInstanceOf(FileAttachment.class, upload.getAttachments().get(0).getActualInstance());
    assertTrue(file.getDataUrl().endsWith("/Rechnung%20f%C3%BCr%20Mai.pdf"), file.getDataUrl());
  }

  @Test
  @Order(6)
  void messagePagesAndErrors() throws Exception {
    String sourceId = newContact("Erin").getSourceId();
    int id = conversations.createConversation(INBOX, sourceId, null).getId();
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      sent.add(messages.createMessage(INBOX, sourceId, id, content("message " + i)).getId());
    }

    List<Message> latest = messages.listMessages(INBOX, sourceId, id, null);
    assertEquals(sent.subList(5, 25), latest.stream().map(Message::getId).toList());
    List<Message> older = messages.listMessages(INBOX, sourceId, id, latest.get(0).getId());
    assertEquals(sent.subList(0, 5), older.stream().map(Message::getId).toList());

    ValidationError tooLong = ChatwootErrors.parse(
        fails(422, () -> messages.createMessage(INBOX, sourceId, id, content("x".repeat(150_001)))),
        ValidationError.class).orElseThrow();
    assertEquals(List.of("content"), tooLong.getAttributes());

    fails(404, () -> messages.listMessages(INBOX, sourceId, 999_999, null));
    fails(404, () -> messages.createMessage(INBOX, "no-such-session", id, content("hi")));
    fails(404, () -> uploads.createMessage(INBOX, "no-such-session", id, null, null, List.of(Upload.of("a.txt", new byte[] {1}))));
    fails(404, () -> conversations.getConversation(INBOX, newContact("Frank").getSourceId(), id));
    fails(404, () -> messages.updateMessage(INBOX, sourceId, id, 999_999_999, new MessageUpdateRequest()));
  }

  @Test
  @Order(7)
  void csatThroughTheMessage() throws Exception {
    ContactSession session = newContact("Grace");
    String sourceId = session.getSourceId();
    Conversation conversation = conversations.createConversation(INBOX, sourceId, null);
    int id = conversation.getId();
    Message question = messages.createMessage(INBOX, sourceId, id, content("Is my invoice fixed?"));

    Conversation resolved = conversations.toggleConversationStatus(INBOX, sourceId, id);
    assertEquals(Conversation.StatusEnum.RESOLVED, resolved.getStatus());

    Message survey = eventually(() -> csatMessage(sourceId, id));
    assertEquals(Message.MessageTypeEnum.TEMPLATE, survey.getMessageType());
    assertNull(survey.getSender());
    assertNotNull(survey.getContentAttributes().get("display_type"));
    assertNull(csat.getCsatSurvey(conversation.getUuid()).getCsatSurveyResponse());

    Message answered = messages.updateMessage(INBOX, sourceId, id, survey.getId(), new MessageUpdateRequest()
        .submittedValues(new CsatSubmission().csatSurveyResponse(
            new CsatSubmissionCsatSurveyResponse().rating(4).feedbackMessage("Quick help"))));
    CsatSubmission stored = new ApiClient().getObjectMapper().convertValue(
        answered.getContentAttributes().get("submitted_values"), CsatSubmission.class);
    assertEquals(4, stored.getCsatSurveyResponse().getRating());
    assertEquals(survey.getContentAttributes().get("display_type"), answered.getContentAttributes().get("display_type"));

    CsatSurvey read = eventually(() -> ratedSurvey(conversation, 4));
    CsatSurveyCsatSurveyResponse record = read.getCsatSurveyResponse();
    assertEquals("Quick help", record.getFeedbackMessage());
    assertEquals(survey.getId(), read.getId());
    assertEquals(survey.getId(), record.getMessageId());
    assertEquals(session.getId(), record.getContactId());

    // any message takes submitted values; PUT behaves as PATCH
    Message select = messages.updateMessageViaPut(INBOX, sourceId, id, question.getId(),
        new MessageUpdateRequest().submittedValues(List.of(new SubmittedItem().title("Billing").value("billing"))));
    List<SubmittedItem> items = new ApiClient().getObjectMapper().convertValue(
        select.getContentAttributes().get("submitted_values"), new TypeReference<List<SubmittedItem>>() { });
    assertEquals(List.of(new SubmittedItem().title("Billing").value("billing")), items);

    // the contact's next message reopens the conversation
    messages.createMessage(INBOX, sourceId, id, content("One more thing"));
    assertEquals(Conversation.StatusEnum.OPEN, conversations.getConversation(INBOX, sourceId, id).getStatus());
  }

  @Test
  @Order(8)
  void csatThroughTheSurveyApi() throws Exception {
    String sourceId = newContact("Heidi").getSourceId();
    Conversation conversation = conversations.createConversation(INBOX, sourceId, null);
    fails(404, () -> csat.getCsatSurvey(conversation.getUuid())); // no survey before the conversation is resolved
    conversations.toggleConversationStatus(INBOX, sourceId, conversation.getId());
    eventually(() -> csatMessage(sourceId, conversation.getId()));

    CsatSurvey before = csat.updateCsatSurvey(conversation.getUuid(), surveyAnswer(5, "Great support"));
    assertEquals(Conversation.StatusEnum.RESOLVED,
        conversations.getConversation(INBOX, sourceId, conversation.getId()).getStatus());
    assertNotNull(before.getInboxName());
    assertEquals("Great support", eventually(() -> ratedSurvey(conversation, 5)).getCsatSurveyResponse().getFeedbackMessage());

    csat.updateCsatSurveyViaPatch(conversation.getUuid(), surveyAnswer(2, null));
    assertEquals(2, eventually(() -> ratedSurvey(conversation, 2)).getCsatSurveyResponse().getRating());

    // a page for browsers: the client gives its address, a browser (here a plain GET) loads it
    URI page = SurveyPage.uri(apiClient, conversation.getUuid());
    CALLED.add(operationId("GET", page.getRawPath()));
    HttpResponse<String> html = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(html.body().contains("<html"), html.body());

    fails(404, () -> csat.getCsatSurvey(UUID.randomUUID()));
  }

  @Test
  @Order(9)
  void csatLockAndMessageRateLimit() throws Exception {
    MovableClock clock = new MovableClock();
    try (StubServer other = StubServer.start(StubConfig.defaults().withPort(0).withClock(clock)
        .withMessagesPerMinuteLimit(3).withInboxes(List.of(StubConfig.InboxSpec.plain(INBOX))))) {
      ApiClient client = client(other);
      MessagesApi otherMessages = new MessagesApi(client);
      ConversationsApi otherConversations = new ConversationsApi(client);
      CsatApi otherCsat = new CsatApi(client);
      String sourceId = new ContactsApi(client).createContact(INBOX, null).getSourceId();
      Conversation conversation = otherConversations.createConversation(INBOX, sourceId, null);
      int id = conversation.getId();

      for (int i = 0; i < 3; i++) {
        otherMessages.createMessage(INBOX, sourceId, id, content("message " + i));
      }
      ValidationError tooMany = ChatwootErrors.parse(
          fails(422, () -> otherMessages.createMessage(INBOX, sourceId, id, content("one too many"))),
          ValidationError.class).orElseThrow();
      assertEquals("Too many messages", tooMany.getMessage());
      assertEquals(List.of("base"), tooMany.getAttributes());

      otherConversations.toggleConversationStatus(INBOX, sourceId, id);
      Message survey = eventually(() -> {
        try {
          return otherMessages.listMessages(INBOX, sourceId, id, null).stream()
              .filter(m -> m.getContentType() == Message.ContentTypeEnum.INPUT_CSAT).findFirst().orElse(null);
        } catch (ApiException e) {
          throw new AssertionError(e);
        }
      });
      clock.advance(Duration.ofDays(15));

      String locked = "You cannot update the CSAT survey after 14 days";
      assertEquals(locked, ChatwootErrors.parse(fails(422, () -> otherMessages.updateMessage(INBOX, sourceId, id,
          survey.getId(), new MessageUpdateRequest().submittedValues(new CsatSubmission().csatSurveyResponse(
              new CsatSubmissionCsatSurveyResponse().rating(3))))), CsatLockedError.class).orElseThrow().getError());
      assertEquals(locked, ChatwootErrors.parse(fails(422, () -> otherCsat.updateCsatSurvey(conversation.getUuid(),
          surveyAnswer(3, null))), CsatLockedError.class).orElseThrow().getError());
      // still readable
      assertNull(otherCsat.getCsatSurvey(conversation.getUuid()).getCsatSurveyResponse());
    }
  }

  @Test
  @Order(10)
  void inboxWithoutCsat() throws Exception {
    try (StubServer other = StubServer.start(StubConfig.defaults().withPort(0).withCsatEnabled(false)
        .withInboxes(List.of(StubConfig.InboxSpec.plain(INBOX))))) {
      ApiClient client = client(other);
      assertFalse(new InboxApi(client).getInbox(INBOX).getCsatSurveyEnabled());
      String sourceId = new ContactsApi(client).createContact(INBOX, null).getSourceId();
      ConversationsApi otherConversations = new ConversationsApi(client);
      Conversation conversation = otherConversations.createConversation(INBOX, sourceId, null);

      Conversation resolved = otherConversations.toggleConversationStatus(INBOX, sourceId, conversation.getId());

      assertEquals(Conversation.StatusEnum.RESOLVED, resolved.getStatus());
      assertEquals(List.of(), new MessagesApi(client).listMessages(INBOX, sourceId, conversation.getId(), null));
      fails(404, () -> new CsatApi(client).getCsatSurvey(conversation.getUuid()));
    }
  }

  @Test
  @Order(11)
  void theDefaultHttpClientWorksWithThisServerToo() throws Exception {
    // java.net.http's default asks for an h2c upgrade on every http:// request; Jetty ignores it
    ApiClient client = new ApiClient();
    client.updateBaseUri(server.baseUri().toString());
    ContactSession session = new ContactsApi(client).createContact(INBOX, new ContactCreateRequest().name("Ivan"));
    assertEquals("Ivan", session.getName());
    assertEquals("Ivan", new ContactsApi(client).getContact(INBOX, session.getSourceId(), null, null).getName());
  }

  /** A clock the test moves forward, as the stub takes every timestamp from its clock. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private static CsatSurveyUpdateRequest surveyAnswer(int rating, String feedback) {
    return new CsatSurveyUpdateRequest().message(new CsatSurveyUpdateRequestMessage().submittedValues(
        new CsatSubmission().csatSurveyResponse(new CsatSubmissionCsatSurveyResponse().rating(rating).feedbackMessage(feedback))));
  }

  private static Message csatMessage(String sourceId, int conversationId) {
    try {
      return messages.listMessages(INBOX, sourceId, conversationId, null).stream()
          .filter(m -> m.getContentType() == Message.ContentTypeEnum.INPUT_CSAT).findFirst().orElse(null);
    } catch (ApiException e) {
      throw new AssertionError(e);
    }
  }

  private static CsatSurvey ratedSurvey(Conversation conversation, int rating) {
    try {
      CsatSurvey survey = csat.getCsatSurvey(conversation.getUuid());
      return survey.getCsatSurveyResponse() != null && survey.getCsatSurveyResponse().getRating() == rating ? survey : null;
    } catch (ApiException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @Order(100)
  void everyOperationWasCalled() {
    Set<String> all = new TreeSet<>();
    Contract.spec().getPaths().values().forEach(path -> path.readOperations().forEach(op -> all.add(op.getOperationId())));
    assertEquals(19, all.size());
    assertEquals(all, new TreeSet<>(CALLED));
  }
}
