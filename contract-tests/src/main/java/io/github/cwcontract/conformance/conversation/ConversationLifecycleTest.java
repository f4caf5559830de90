package io.github.cwcontract.conformance.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.ConversationRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Map;
import java.util.Set;

import static io.github.cwcontract.conformance.junit.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Conversations: create, list, get, typing, last seen, resolve, reopen")
class ConversationLifecycleTest {

    /** A new conversation is open, or pending when the inbox has an agent bot. */
    private static final Set<String> ACTIVE = Set.of("open", "pending");

    private ContactRef contact;
    private ConversationRef conversation;

    @Test
    @Order(1)
    @DisplayName("createConversation returns an active conversation of the contact, with no messages, never seen")
    void create(PublicApi api) {
        contact = api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique()));
        JsonNode created = api.createConversation(contact, Map.of("custom_attributes", Map.of("order_id", "A-1042")))
                .expect(200).json();

        assertTrue(ACTIVE.contains(created.path("status").asText()), "status is " + created.path("status"));
        assertEquals(0, created.path("messages").size(), "number of messages");
        assertEquals(contact.id(), created.path("contact").path("id").asLong(), "contact.id");
        assertEquals(0, created.path("contact_last_seen_at").asLong(), "contact_last_seen_at (0 = never)");
        conversation = new ConversationRef(contact, created.path("id").asLong(), created.path("uuid").asText());
    }

    @Test
    @Order(2)
    @DisplayName("listConversations contains the new conversation")
    void list(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation created in step 1");
        JsonNode list = api.listConversations(created.contact()).expect(200).json();

        boolean found = false;
        for (JsonNode c : list) {
            found |= c.path("id").asLong() == created.id() && c.path("uuid").asText().equals(created.uuid());
        }
        assertTrue(found, "conversation " + created.id() + " is not in the list of its contact");
    }

    @Test
    @Order(3)
    @DisplayName("getConversation returns it")
    void get(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation created in step 1");
        JsonNode fetched = api.getConversation(created).expect(200).json();

        assertEquals(created.id(), fetched.path("id").asLong(), "id");
        assertEquals(created.uuid(), fetched.path("uuid").asText(), "uuid");
    }

    @Test
    @Order(4)
    @DisplayName("toggleTyping accepts on (in the body) and off (in the query) with an empty 200")
    void typing(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation created in step 1");
        assertEquals("", api.toggleTyping(created, "on", false).expect(200).text(), "body of typing on");
        assertEquals("", api.toggleTyping(created, "off", true).expect(200).text(), "body of typing off");
    }

    @Test
    @Order(5)
    @DisplayName("updateLastSeen moves contact_last_seen_at from 0 to now")
    void lastSeen(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation created in step 1");
        long before = api.getConversation(created).expect(200).json().path("contact_last_seen_at").asLong();
        assertEquals("", api.updateLastSeen(created).expect(200).text(), "body of updateLastSeen");
        long after = api.getConversation(created).expect(200).json().path("contact_last_seen_at").asLong();

        assertEquals(0, before, "contact_last_seen_at before the first updateLastSeen");
        assertTrue(after > 0, "contact_last_seen_at is still " + after + " after updateLastSeen");
    }

    @Test
    @Order(6)
    @DisplayName("toggleConversationStatus resolves it, and resolving again keeps it resolved")
    void resolve(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation created in step 1");
        assertEquals("resolved", api.toggleStatus(created).expect(200).json().path("status").asText(),
                "status in the toggleConversationStatus response");
        assertEquals("resolved", api.getConversation(created).expect(200).json().path("status").asText(),
                "status read back after resolving");
        assertEquals("resolved", api.toggleStatus(created).expect(200).json().path("status").asText(),
                "status after resolving a resolved conversation (it must not reopen)");
    }

    @Test
    @Order(7)
    @DisplayName("a new message reopens the resolved conversation")
    void newMessageReopens(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation created in step 1");
        long messageId = api.postMessage(created, "Reopening " + TestData.unique());
        JsonNode fetched = api.getConversation(created).expect(200).json();

        assertTrue(ACTIVE.contains(fetched.path("status").asText()),
                "status after a new message is " + fetched.path("status"));
        boolean listed = false;
        for (JsonNode m : fetched.path("messages")) {
            listed |= m.path("id").asLong() == messageId;
        }
        assertTrue(listed, "the new message " + messageId + " is not in the conversation's messages");
    }
}
