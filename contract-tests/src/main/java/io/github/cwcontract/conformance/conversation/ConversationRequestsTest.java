package io.github.cwcontract.conformance.conversation;

import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.ConversationRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Conversations: unknown ids and validation")
class ConversationRequestsTest {

    /** A display id no conversation has. */
    private static final long UNKNOWN_ID = 987_654_321L;

    private ContactRef contact;

    private ContactRef contact(PublicApi api) {
        if (contact == null) {
            contact = api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique()));
        }
        return contact;
    }

    private ConversationRef unknownConversation(PublicApi api) {
        return new ConversationRef(contact(api), UNKNOWN_ID, null);
    }

    private ContactRef unknownContact(PublicApi api) {
        return new ContactRef(api.target().inbox(), "unknown-" + TestData.unique(), 0);
    }

    @Test
    @DisplayName("listConversations answers 404 for an unknown contact")
    void listForUnknownContact(PublicApi api) {
        api.listConversations(unknownContact(api)).expect(404);
    }

    @Test
    @DisplayName("createConversation answers 404 for an unknown contact")
    void createForUnknownContact(PublicApi api) {
        api.createConversation(unknownContact(api), null).expect(404);
    }

    @Test
    @DisplayName("getConversation answers 404 for an unknown conversation")
    void getUnknown(PublicApi api) {
        api.getConversation(unknownConversation(api)).expect(404);
    }

    @Test
    @DisplayName("toggleConversationStatus answers 404 for an unknown conversation")
    void resolveUnknown(PublicApi api) {
        api.toggleStatus(unknownConversation(api)).expect(404);
    }

    @Test
    @DisplayName("toggleTyping answers 404 for an unknown conversation")
    void typingInUnknown(PublicApi api) {
        api.toggleTyping(unknownConversation(api), "on", false).expect(404);
    }

    @Test
    @DisplayName("updateLastSeen answers 404 for an unknown conversation")
    void lastSeenOfUnknown(PublicApi api) {
        api.updateLastSeen(unknownConversation(api)).expect(404);
    }

    @Test
    @DisplayName("createConversation answers 422 for a custom attribute of 1500 characters")
    void customAttributeTooLong(PublicApi api) {
        api.createConversation(contact(api), Map.of("custom_attributes", Map.of("note", "x".repeat(1500))))
                .expect(422);
    }
}
