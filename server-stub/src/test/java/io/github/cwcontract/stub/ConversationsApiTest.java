package io.github.cwcontract.stub;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.cwcontract.stub.Stub.OTHER;
import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static io.github.cwcontract.stub.Stub.inboxPath;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConversationsApiTest {
    @RegisterExtension
    static final Stub stub = Stub.perClass();

    private static String conversations(String inbox, String sourceId) {
        return inboxPath(inbox) + "/contacts/" + sourceId + "/conversations";
    }

    @Test
    void createsAnOpenConversationWithItsContactAndNoMessages() {
        String sourceId = stub.createContact(PLAIN, Map.of("name", "Conversing", "email", "conv@acme.inc"));
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("custom_attributes", Map.of("order_id", "A-1042"), "additional_attributes", Map.of("x", 1)))
                .post(conversations(PLAIN, sourceId)).then()
                .statusCode(200)
                .body("uuid", matchesPattern("[0-9a-f-]{36}"))
                .body("inbox_id", equalTo(1))
                .body("status", equalTo("open"))
                .body("contact_last_seen_at", equalTo(0))
                .body("agent_last_seen_at", equalTo(0))
                .body("messages", hasSize(0))
                .body("contact.email", equalTo("conv@acme.inc"))
                .body("contact", not(hasKey("source_id")));
    }

    @Test
    void numbersConversationsPerAccountAcrossInboxesAndListsThemPerSession() {
        String plain = stub.anonymousContact(PLAIN);
        String other = stub.anonymousContact(OTHER);
        int first = stub.createConversation(PLAIN, plain);
        int second = stub.createConversation(OTHER, other);
        int third = stub.createConversation(PLAIN, plain);
        assertEquals(first + 1, second);
        assertEquals(second + 1, third);

        stub.api().get(conversations(PLAIN, plain)).then()
                .statusCode(200).body("id", contains(first, third));
        stub.api().get(conversations(OTHER, other)).then()
                .statusCode(200).body("id", contains(second)).body("[0].inbox_id", equalTo(2));
        stub.api().get(conversationPath(PLAIN, plain, third)).then()
                .statusCode(200).body("id", equalTo(third));
    }

    @Test
    void refusesCustomAttributesBeyondChatwootsLimits() {
        String sourceId = stub.anonymousContact(PLAIN);
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("custom_attributes", Map.of("note", "n".repeat(1500))))
                .post(conversations(PLAIN, sourceId)).then()
                .statusCode(422)
                .body("message", equalTo("Custom attributes note length should be < 1500"))
                .body("attributes", equalTo(List.of("custom_attributes")));
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("custom_attributes", Map.of("amount", 9_999_999_999L)))
                .post(conversations(PLAIN, sourceId)).then()
                .statusCode(422)
                .body("message", equalTo("Custom attributes amount value should be < 9999999999"));
        stub.api().get(conversations(PLAIN, sourceId)).then().body("$", hasSize(0));

        stub.api().contentType(ContentType.JSON)
                .body(Map.of("custom_attributes", Map.of("note", "n".repeat(1499), "amount", 9_999_999_998L)))
                .post(conversations(PLAIN, sourceId)).then().statusCode(200);
    }

    @Test
    void resolvingSendsOneCsatSurveyAndANewContactMessageReopens() {
        String sourceId = stub.anonymousContact(PLAIN);
        int id = stub.createConversation(PLAIN, sourceId);
        stub.sendMessage(PLAIN, sourceId, id, "Hello");

        stub.bodyless(stub.api()).post(conversationPath(PLAIN, sourceId, id) + "/toggle_status").then()
                .statusCode(200)
                .body("status", equalTo("resolved"))
                .body("messages", hasSize(2))
                .body("messages[1].message_type", equalTo(3))
                .body("messages[1].content_type", equalTo("input_csat"))
                .body("messages[1].content_attributes", equalTo(Map.of("display_type", "emoji")))
                .body("messages[1]", not(hasKey("sender")))
                .body("messages[1]", not(hasKey("attachments")));

        // already resolved: unchanged, and no second survey
        stub.bodyless(stub.api()).post(conversationPath(PLAIN, sourceId, id) + "/toggle_status").then()
                .statusCode(200).body("status", equalTo("resolved")).body("messages", hasSize(2));

        stub.sendMessage(PLAIN, sourceId, id, "One more question");
        stub.api().get(conversationPath(PLAIN, sourceId, id)).then()
                .body("status", equalTo("open")).body("messages", hasSize(3));

        stub.bodyless(stub.api()).post(conversationPath(PLAIN, sourceId, id) + "/toggle_status").then()
                .statusCode(200).body("status", equalTo("resolved"))
                .body("messages.content_type", equalTo(List.of("text", "input_csat", "text")));
    }

    @Test
    void withCsatDisabledResolvingSendsNoSurvey() throws Exception {
        try (Stub noCsat = Stub.start(config -> config.withCsatEnabled(false))) {
            noCsat.api().get(inboxPath(PLAIN)).then().body("csat_survey_enabled", equalTo(false));
            String sourceId = noCsat.anonymousContact(PLAIN);
            int id = noCsat.createConversation(PLAIN, sourceId);
            noCsat.bodyless(noCsat.api()).post(conversationPath(PLAIN, sourceId, id) + "/toggle_status").then()
                    .statusCode(200).body("status", equalTo("resolved")).body("messages", hasSize(0));
        }
    }

    @Test
    void togglesTypingWithTheStatusInTheBodyOrTheQueryAndAnswersAnEmptyBody() {
        String sourceId = stub.anonymousContact(PLAIN);
        String typing = conversationPath(PLAIN, sourceId, stub.createConversation(PLAIN, sourceId)) + "/toggle_typing";

        assertEmptyJsonOk(stub.api().contentType(ContentType.JSON).body(Map.of("typing_status", "on")).post(typing));
        assertEmptyJsonOk(stub.bodyless(stub.api()).queryParam("typing_status", "off").post(typing));
        assertEmptyJsonOk(stub.bodyless(stub.api()).post(typing));
        // any other value is accepted and ignored, as by Chatwoot
        assertEmptyJsonOk(stub.offContract().contentType(ContentType.JSON)
                .body(Map.of("typing_status", "recording")).post(typing));
        assertEmptyJsonOk(stub.offContract().contentType(ContentType.TEXT).body("on").post(typing));
        // only a body Rails cannot parse fails, before the action runs
        stub.offContract().contentType(ContentType.JSON).body("{not json").post(typing).then()
                .statusCode(400).body("status", equalTo(400)).body("error", equalTo("Bad Request"));
    }

    @Test
    void updateLastSeenMovesContactLastSeenAtFromZeroToNow() {
        String sourceId = stub.anonymousContact(PLAIN);
        int id = stub.createConversation(PLAIN, sourceId);
        stub.api().get(conversationPath(PLAIN, sourceId, id)).then().body("contact_last_seen_at", equalTo(0));

        stub.clock.advance(Duration.ofMinutes(5));
        long now = stub.clock.instant().getEpochSecond();
        assertEmptyJsonOk(stub.bodyless(stub.api()).post(conversationPath(PLAIN, sourceId, id) + "/update_last_seen"));

        long seen = ((Number) stub.api().get(conversationPath(PLAIN, sourceId, id)).path("contact_last_seen_at"))
                .longValue();
        assertEquals(now, seen);
    }

    private static void assertEmptyJsonOk(Response response) {
        response.then()
                .statusCode(200)
                .contentType("application/json; charset=utf-8")
                .header("Content-Length", "0")
                .body(emptyString());
    }
}
