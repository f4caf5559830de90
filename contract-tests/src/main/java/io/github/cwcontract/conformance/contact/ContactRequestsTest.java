package io.github.cwcontract.conformance.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerConformance
@DisplayName("Contacts: anonymous sessions, unknown ids and validation")
class ContactRequestsTest {

    @Test
    @DisplayName("createContact without a body creates an anonymous session with a generated name")
    void anonymous(PublicApi api) {
        JsonNode session = api.createContact(api.target().inbox(), null).expect(200).json();

        assertFalse(session.path("source_id").asText().isBlank(), "source_id is empty");
        assertFalse(session.path("name").asText().isBlank(), "no name was generated");
    }

    @Test
    @DisplayName("createContact answers 404 for an unknown inbox")
    void createInUnknownInbox(PublicApi api) {
        api.createContact("unknown-" + TestData.unique(), Map.of("name", "Nobody")).expect(404);
    }

    @Test
    @DisplayName("getContact answers 404 for an unknown source_id")
    void getUnknown(PublicApi api) {
        api.getContact(api.target().inbox(), "unknown-" + TestData.unique(), Map.of()).expect(404);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateContact answers 404 for an unknown source_id")
    void updateUnknown(Verb verb, PublicApi api) {
        api.updateContact(verb, api.target().inbox(), "unknown-" + TestData.unique(), Map.of("name", "Nobody"))
                .expect(404);
    }

    @Test
    @DisplayName("createContact answers 422 naming email for an invalid email")
    void createWithInvalidEmail(PublicApi api) {
        JsonNode error = api.createContact(api.target().inbox(), Map.of("email", "not-an-email")).expect(422).json();
        assertNamesAttribute(error, "email");
    }

    @Test
    @DisplayName("createContact answers 422 naming phone_number for a number not in E.164")
    void createWithInvalidPhone(PublicApi api) {
        JsonNode error = api.createContact(api.target().inbox(), Map.of("phone_number", "0123")).expect(422).json();
        assertNamesAttribute(error, "phone_number");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateContact answers 422 naming email for an invalid email")
    void updateWithInvalidEmail(Verb verb, PublicApi api) {
        ContactRef contact = api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique()));
        JsonNode error = api.updateContact(verb, contact, Map.of("email", "not-an-email")).expect(422).json();
        assertNamesAttribute(error, "email");
    }

    private static void assertNamesAttribute(JsonNode error, String attribute) {
        boolean named = false;
        for (JsonNode a : error.path("attributes")) {
            named |= attribute.equals(a.asText());
        }
        assertTrue(named, "attributes " + error.path("attributes") + " do not name " + attribute);
    }
}
