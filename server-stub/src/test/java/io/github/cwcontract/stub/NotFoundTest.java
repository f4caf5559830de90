package io.github.cwcontract.stub;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.github.cwcontract.stub.Stub.OTHER;
import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static io.github.cwcontract.stub.Stub.inboxPath;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every unknown or out-of-scope thing is Rails' 404 {"status":404,"error":"Not Found"}. */
class NotFoundTest {
    @RegisterExtension
    static final Stub stub = Stub.perClass();
    private static String sourceId;
    private static int conversation;
    private static int message;

    @BeforeAll
    static void setUp() {
        sourceId = stub.anonymousContact(PLAIN);
        conversation = stub.createConversation(PLAIN, sourceId);
        message = stub.sendMessage(PLAIN, sourceId, conversation, "exists");
    }

    static void assertNotFound(Response response) {
        response.then().statusCode(404).contentType("application/json; charset=utf-8");
        assertEquals("{\"status\":404,\"error\":\"Not Found\"}", response.asString());
    }

    /** Every operation below a conversation, each as the contract allows it to be called. */
    private static List<Function<RequestSpecification, Response>> conversationOperations(String path) {
        return List.of(
                r -> r.get(path),
                r -> r.contentType(ContentType.JSON).post(path + "/toggle_status"),
                r -> r.contentType(ContentType.JSON).body(Map.of("typing_status", "on")).post(path + "/toggle_typing"),
                r -> r.contentType(ContentType.JSON).post(path + "/update_last_seen"),
                r -> r.get(path + "/messages"),
                r -> r.contentType(ContentType.JSON).body(Map.of("content", "x")).post(path + "/messages"),
                r -> r.multiPart("attachments[]", "a.txt", new byte[] {1}, "text/plain").post(path + "/messages"),
                r -> r.contentType(ContentType.JSON).body(Map.of("submitted_values", List.of()))
                        .patch(path + "/messages/" + message),
                r -> r.contentType(ContentType.JSON).body(Map.of("submitted_values", List.of()))
                        .put(path + "/messages/" + message));
    }

    private static void assertAllNotFound(String path) {
        for (Function<RequestSpecification, Response> operation : conversationOperations(path)) {
            assertNotFound(operation.apply(stub.api()));
        }
    }

    @Test
    void anUnknownInbox() {
        String inbox = inboxPath("no-such-inbox");
        assertNotFound(stub.api().get(inbox));
        assertNotFound(stub.api().contentType(ContentType.JSON).body(Map.of()).post(inbox + "/contacts"));
        assertNotFound(stub.api().get(inbox + "/contacts/" + sourceId));
        assertNotFound(stub.api().contentType(ContentType.JSON).body(Map.of()).patch(inbox + "/contacts/" + sourceId));
        assertNotFound(stub.api().contentType(ContentType.JSON).body(Map.of()).put(inbox + "/contacts/" + sourceId));
        assertNotFound(stub.api().get(inbox + "/contacts/" + sourceId + "/conversations"));
        assertNotFound(stub.api().contentType(ContentType.JSON).post(inbox + "/contacts/" + sourceId + "/conversations"));
        assertAllNotFound(conversationPath("no-such-inbox", sourceId, conversation));
    }

    @Test
    void anUnknownSourceIdAndASourceIdOfAnotherInbox() {
        for (String inboxAndSession : List.of(PLAIN + "/contacts/no-such-session", OTHER + "/contacts/" + sourceId)) {
            String session = inboxPath(inboxAndSession.substring(0, inboxAndSession.indexOf('/')))
                    + inboxAndSession.substring(inboxAndSession.indexOf('/'));
            assertNotFound(stub.api().get(session));
            assertNotFound(stub.api().contentType(ContentType.JSON).body(Map.of("name", "x")).patch(session));
            assertNotFound(stub.api().get(session + "/conversations"));
            assertNotFound(stub.api().contentType(ContentType.JSON).post(session + "/conversations"));
            assertAllNotFound(session + "/conversations/" + conversation);
        }
    }

    @Test
    void anUnknownConversationAndAnotherContactsConversation() {
        assertAllNotFound(conversationPath(PLAIN, sourceId, 999_999));
        String stranger = stub.anonymousContact(PLAIN);
        assertAllNotFound(conversationPath(PLAIN, stranger, conversation));
    }

    @Test
    void anUnknownMessageAndAMessageOfAnotherConversation() {
        int otherConversation = stub.createConversation(PLAIN, sourceId);
        String path = conversationPath(PLAIN, sourceId, otherConversation) + "/messages/";
        for (int id : new int[] {message, 999_999}) {
            assertNotFound(stub.api().contentType(ContentType.JSON).body(Map.of()).patch(path + id));
            assertNotFound(stub.api().contentType(ContentType.JSON).body(Map.of()).put(path + id));
        }
    }

    @Test
    void unknownPathsAndMethodsUnderThePublicApi() {
        String session = inboxPath(PLAIN) + "/contacts/" + sourceId;
        // Rails routes these inbox actions, but the controller has none of them
        assertNotFound(stub.unvalidated().get("/public/api/v1/inboxes"));
        assertNotFound(stub.unvalidated().contentType(ContentType.JSON).body("{}").post("/public/api/v1/inboxes"));
        assertNotFound(stub.unvalidated().get("/public/api/v1/inboxes/new"));
        assertNotFound(stub.unvalidated().get(inboxPath(PLAIN) + "/edit"));
        assertNotFound(stub.unvalidated().delete(inboxPath(PLAIN)));
        assertNotFound(stub.unvalidated().contentType(ContentType.JSON).body("{}").patch(inboxPath(PLAIN)));
        // no contact listing, no deletion, no other verbs
        assertNotFound(stub.unvalidated().get(inboxPath(PLAIN) + "/contacts"));
        assertNotFound(stub.unvalidated().delete(session));
        assertNotFound(stub.unvalidated().delete(conversationPath(PLAIN, sourceId, conversation)));
        assertNotFound(stub.unvalidated().get(conversationPath(PLAIN, sourceId, conversation) + "/toggle_status"));
        assertNotFound(stub.unvalidated().get(conversationPath(PLAIN, sourceId, conversation) + "/messages/" + message));
        assertNotFound(stub.unvalidated().delete("/public/api/v1/csat_survey/" + UUID.randomUUID()));
        assertNotFound(stub.unvalidated().get("/public/api/v1/widget/config"));
        assertNotFound(stub.unvalidated().get("/public/api/v2/inboxes/" + PLAIN));
        assertNotFound(stub.unvalidated().get("/"));
        assertNotFound(stub.unvalidated().options(inboxPath(PLAIN)));
        assertNotFound(stub.unvalidated().get("/rails/active_storage/blobs/redirect/unknown/file.png"));
    }

    @Test
    void aJsonFormatSuffixIsAcceptedAndAnyOtherDotIsNot() {
        stub.unvalidated().get(inboxPath(PLAIN) + ".json").then().statusCode(200);
        assertNotFound(stub.unvalidated().get(inboxPath(PLAIN) + ".xml"));
        // a source_id with a dot can be created but not used in a path, as with Rails' (.:format) routes
        String dotted = stub.createContact(PLAIN, Map.of("source_id", "with.dot"));
        assertNotFound(stub.unvalidated().get(inboxPath(PLAIN) + "/contacts/" + dotted));
    }
}
