package io.github.cwcontract.conformance.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.conformance.api.ConversationRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Messages: unknown ids, validation and unsupported input")
class MessageRequestsTest {

    /** A display id no conversation has, and a message id no message has. */
    private static final long UNKNOWN_ID = 987_654_321L;

    private ConversationRef conversation;

    private ConversationRef conversation(PublicApi api) {
        if (conversation == null) {
            conversation = api.newConversation(
                    api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique())));
        }
        return conversation;
    }

    private ConversationRef unknownConversation(PublicApi api) {
        return new ConversationRef(conversation(api).contact(), UNKNOWN_ID, null);
    }

    @Test
    @DisplayName("createMessage without content is accepted")
    void withoutContent(PublicApi api) {
        JsonNode message = api.createMessage(conversation(api), Map.of()).expect(200).json();
        assertEquals(0, message.path("message_type").asInt(), "message_type");
    }

    @Test
    @DisplayName("listMessages answers 404 for an unknown conversation")
    void listInUnknown(PublicApi api) {
        api.listMessages(unknownConversation(api), null).expect(404);
    }

    @Test
    @DisplayName("createMessage answers 404 for an unknown conversation")
    void createInUnknown(PublicApi api) {
        api.createMessage(unknownConversation(api), Map.of("content", "Hello")).expect(404);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateMessage answers 404 for an unknown message")
    void updateUnknown(Verb verb, PublicApi api) {
        api.updateMessage(verb, conversation(api), UNKNOWN_ID,
                Map.of("submitted_values", List.of(Map.of("title", "Billing", "value", "billing")))).expect(404);
    }

    @Test
    @DisplayName("createMessage answers 422 naming content for more than 150 000 characters")
    void contentTooLong(PublicApi api) {
        JsonNode error = api.sendingInvalidRequests()
                .createMessage(conversation(api), Map.of("content", "x".repeat(150_001))).expect(422).json();
        boolean named = false;
        for (JsonNode attribute : error.path("attributes")) {
            named |= "content".equals(attribute.asText());
        }
        assertTrue(named, "attributes " + error.path("attributes") + " do not name content");
    }

    @Test
    @DisplayName("createMessage answers 500 for an attachments[] part that is not a file")
    void attachmentThatIsNotAFile(PublicApi api) {
        api.createMessageWithFields(conversation(api), Map.of("attachments[]", "not a file")).expect(500);
    }
}
