package io.github.cwcontract.conformance.malformed;

import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.ConversationRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.RawJson;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.UUID;

/** Every operation that takes a JSON body answers 400 to a body that is not JSON, before it looks anything up. */
@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Bodies that are not JSON")
class MalformedJsonTest {

    private static final RawJson BROKEN = new RawJson("{\"name\": ");

    private ConversationRef conversation;
    private long message;

    /** A contact with a conversation and a message, so that only the body is wrong. */
    private ConversationRef conversation(PublicApi api) {
        if (conversation == null) {
            ConversationRef created = api.newConversation(
                    api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique())));
            message = api.postMessage(created, "Hello");
            conversation = created;
        }
        return conversation;
    }

    @Test
    @DisplayName("createContact answers 400")
    void createContact(PublicApi api) {
        api.sendingInvalidRequests().createContact(api.target().inbox(), BROKEN).expect(400);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateContact answers 400")
    void updateContact(Verb verb, PublicApi api) {
        ContactRef contact = conversation(api).contact();
        api.sendingInvalidRequests().updateContact(verb, contact, BROKEN).expect(400);
    }

    @Test
    @DisplayName("createConversation answers 400")
    void createConversation(PublicApi api) {
        api.sendingInvalidRequests().createConversation(conversation(api).contact(), BROKEN).expect(400);
    }

    @Test
    @DisplayName("toggleTyping answers 400")
    void toggleTyping(PublicApi api) {
        api.sendingInvalidRequests().toggleTyping(conversation(api), BROKEN).expect(400);
    }

    @Test
    @DisplayName("createMessage answers 400")
    void createMessage(PublicApi api) {
        api.sendingInvalidRequests().createMessage(conversation(api), BROKEN).expect(400);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateMessage answers 400")
    void updateMessage(Verb verb, PublicApi api) {
        ConversationRef target = conversation(api);
        api.sendingInvalidRequests().updateMessage(verb, target, message, BROKEN).expect(400);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateCsatSurvey answers 400, even for a conversation without a survey")
    void updateCsatSurvey(Verb verb, PublicApi api) {
        api.sendingInvalidRequests().updateCsatSurvey(verb, UUID.randomUUID().toString(), BROKEN).expect(400);
    }
}
