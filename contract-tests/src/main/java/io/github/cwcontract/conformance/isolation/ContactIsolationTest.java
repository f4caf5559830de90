package io.github.cwcontract.conformance.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.ConversationRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Another contact session of the same inbox must neither see nor change this contact's conversation. */
@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Isolation: another contact cannot see or touch a contact's conversation")
class ContactIsolationTest {

    private ConversationRef owned;
    private long ownedMessage;
    private ContactRef other;

    /** Alice's conversation with one message, and Bob, who has a conversation of his own. */
    private void setUp(PublicApi api) {
        if (owned == null) {
            String inbox = api.target().inbox();
            ConversationRef conversation = api.newConversation(
                    api.newContact(inbox, Map.of("name", "Conformance Alice " + TestData.unique())));
            ownedMessage = api.postMessage(conversation, "Alice's message");
            other = api.newContact(inbox, Map.of("name", "Conformance Bob " + TestData.unique()));
            api.newConversation(other);
            owned = conversation;
        }
    }

    @Test
    @DisplayName("listConversations of another contact does not contain the conversation")
    void notListed(PublicApi api) {
        setUp(api);
        for (JsonNode conversation : api.listConversations(other).expect(200).json()) {
            assertFalse(owned.uuid().equals(conversation.path("uuid").asText()),
                    "another contact's list contains conversation " + owned.id());
        }
    }

    @Test
    @DisplayName("getConversation answers 404 to another contact")
    void notReadable(PublicApi api) {
        setUp(api);
        api.getConversation(owned.as(other)).expect(404);
    }

    @Test
    @DisplayName("listMessages answers 404 to another contact")
    void messagesNotReadable(PublicApi api) {
        setUp(api);
        api.listMessages(owned.as(other), null).expect(404);
    }

    @Test
    @DisplayName("createMessage answers 404 to another contact and adds nothing")
    void cannotPost(PublicApi api) {
        setUp(api);
        int before = api.listMessages(owned, null).expect(200).json().size();
        api.createMessage(owned.as(other), Map.of("content", "Bob was here")).expect(404);
        assertEquals(before, api.listMessages(owned, null).expect(200).json().size(), "number of messages");
    }

    @Test
    @DisplayName("updateMessage answers 404 to another contact")
    void cannotSubmitValues(PublicApi api) {
        setUp(api);
        api.updateMessage(Verb.PATCH, owned.as(other), ownedMessage,
                Map.of("submitted_values", List.of(Map.of("title", "Billing", "value", "billing")))).expect(404);
    }

    @Test
    @DisplayName("toggleConversationStatus answers 404 to another contact and the conversation stays unresolved")
    void cannotResolve(PublicApi api) {
        setUp(api);
        api.toggleStatus(owned.as(other)).expect(404);
        String status = api.getConversation(owned).expect(200).json().path("status").asText();
        assertFalse("resolved".equals(status), "another contact resolved the conversation");
    }

    @Test
    @DisplayName("updateLastSeen and toggleTyping answer 404 to another contact")
    void cannotMarkSeenOrType(PublicApi api) {
        setUp(api);
        api.updateLastSeen(owned.as(other)).expect(404);
        api.toggleTyping(owned.as(other), "on", false).expect(404);
        assertEquals(0, api.getConversation(owned).expect(200).json().path("contact_last_seen_at").asLong(),
                "contact_last_seen_at after another contact's updateLastSeen");
    }
}
