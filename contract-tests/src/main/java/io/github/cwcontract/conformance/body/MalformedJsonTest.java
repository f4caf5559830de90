package io.github.cwcontract.conformance.body;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.ConversationRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every operation that reads a JSON body answers 400 when the body cannot be parsed, and changes nothing. */
@ServerConformance
@DisplayName("Bodies that are not parseable JSON")
class MalformedJsonTest {
    private static final PublicApi.RawJson BROKEN = new PublicApi.RawJson("{\"name\": \"unterminated");

    private static void assertBadRequest(JsonNode error) {
        assertEquals(400, error.path("status").asInt(), "status in the body");
        assertEquals("Bad Request", error.path("error").asText(), "error in the body");
    }

    @Test
    @DisplayName("createContact answers 400 for a malformed body")
    void createContact(PublicApi api) {
        assertBadRequest(api.sendingInvalidRequests().createContact(api.target().inbox(), BROKEN).expect(400).json());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateContact answers 400 for a malformed body and keeps the contact")
    void updateContact(Verb verb, PublicApi api) {
        String name = "Conformance " + TestData.unique();
        ContactRef contact = api.newContact(api.target().inbox(), Map.of("name", name));
        assertBadRequest(api.sendingInvalidRequests().updateContact(verb, contact, BROKEN).expect(400).json());
        assertEquals(name, api.getContact(contact).expect(200).json().path("name").asText(), "name after the 400");
    }

    @Test
    @DisplayName("createConversation and toggleTyping answer 400 for a malformed body")
    void conversation(PublicApi api) {
        ContactRef contact = api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique()));
        assertBadRequest(api.sendingInvalidRequests().createConversation(contact, BROKEN).expect(400).json());
        assertEquals(0, api.listConversations(contact).expect(200).json().size(), "conversations after the 400");

        ConversationRef conversation = api.newConversation(contact);
        assertBadRequest(api.sendingInvalidRequests().toggleTyping(conversation, BROKEN).expect(400).json());
    }

    @Test
    @DisplayName("createMessage answers 400 for a malformed body and stores nothing")
    void createMessage(PublicApi api) {
        ConversationRef conversation = api.newConversation(
                api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique())));
        assertBadRequest(api.sendingInvalidRequests().createMessage(conversation, BROKEN).expect(400).json());
        assertEquals(0, api.listMessages(conversation, null).expect(200).json().size(), "messages after the 400");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateMessage and updateCsatSurvey answer 400 for a malformed body")
    void updates(Verb verb, PublicApi api) {
        ConversationRef conversation = api.newConversation(
                api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique())));
        long message = api.postMessage(conversation, "to be answered");
        assertBadRequest(api.sendingInvalidRequests().updateMessage(verb, conversation, message, BROKEN)
                .expect(400).json());
        assertBadRequest(api.sendingInvalidRequests().updateCsatSurvey(verb, conversation.uuid(), BROKEN)
                .expect(400).json());
    }
}
