package io.github.cwcontract.conformance.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Locale;
import java.util.Map;

import static io.github.cwcontract.conformance.junit.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Contacts: create, get, update")
class ContactLifecycleTest {

    private final String name = "Conformance " + TestData.unique();
    private final String email = TestData.email();
    private final String phone = TestData.phoneNumber();
    private ContactRef contact;
    private String currentName;

    @Test
    @Order(1)
    @DisplayName("createContact returns a new session with the given attributes")
    void create(PublicApi api) {
        String inbox = api.target().inbox();
        JsonNode session = api.createContact(inbox, Map.of(
                "name", name, "email", email, "phone_number", phone,
                "custom_attributes", Map.of("plan", "pro"))).expect(200).json();

        assertFalse(session.path("source_id").asText().isBlank(), "source_id is empty");
        assertFalse(session.path("pubsub_token").asText().isBlank(), "pubsub_token is empty");
        assertEquals(name, session.path("name").asText(), "name");
        assertEquals(email.toLowerCase(Locale.ROOT), session.path("email").asText(), "email (stored lower-cased)");
        assertEquals(phone, session.path("phone_number").asText(), "phone_number");
        contact = new ContactRef(inbox, session.path("source_id").asText(), session.path("id").asLong());
        currentName = name;
    }

    @Test
    @Order(2)
    @DisplayName("getContact returns the session just created")
    void get(PublicApi api) {
        ContactRef created = require(contact, "the contact created in step 1");
        JsonNode session = api.getContact(created).expect(200).json();

        assertEquals(created.id(), session.path("id").asLong(), "id");
        assertEquals(created.sourceId(), session.path("source_id").asText(), "source_id");
        assertEquals(name, session.path("name").asText(), "name");
        assertEquals(email.toLowerCase(Locale.ROOT), session.path("email").asText(), "email");
    }

    @Test
    @Order(3)
    @DisplayName("updateContact (PATCH) changes the name and deep-merges custom_attributes")
    void update(PublicApi api) {
        ContactRef created = require(contact, "the contact created in step 1");
        String newName = name + " (patched)";
        JsonNode record = api.updateContact(Verb.PATCH, created,
                Map.of("name", newName, "custom_attributes", Map.of("seats", 12))).expect(200).json();

        assertEquals(created.id(), record.path("id").asLong(), "id");
        assertEquals(newName, record.path("name").asText(), "name");
        assertEquals("pro", record.path("custom_attributes").path("plan").asText(),
                "custom_attributes.plan from create (kept by the deep merge)");
        assertEquals(12, record.path("custom_attributes").path("seats").asInt(), "custom_attributes.seats");
        currentName = newName;
    }

    @Test
    @Order(4)
    @DisplayName("getContact shows the update")
    void updateIsVisible(PublicApi api) {
        ContactRef created = require(contact, "the contact created in step 1");
        assertEquals(currentName, api.getContact(created).expect(200).json().path("name").asText(), "name");
    }

    @Test
    @Order(5)
    @DisplayName("updateContactViaPut changes the name like PATCH")
    void updateViaPut(PublicApi api) {
        ContactRef created = require(contact, "the contact created in step 1");
        String newName = name + " (put)";
        JsonNode record = api.updateContact(Verb.PUT, created, Map.of("name", newName)).expect(200).json();

        assertEquals(newName, record.path("name").asText(), "name in the PUT response");
        assertEquals(newName, api.getContact(created).expect(200).json().path("name").asText(), "name read back");
        currentName = newName;
    }

    @Test
    @Order(6)
    @DisplayName("createContact with an existing source_id returns that session unchanged")
    void createIsIdempotentForKnownSourceId(PublicApi api) {
        ContactRef created = require(contact, "the contact created in step 1");
        JsonNode session = api.createContact(created.inbox(),
                Map.of("source_id", created.sourceId(), "name", "Someone Else " + TestData.unique())).expect(200).json();

        assertEquals(created.id(), session.path("id").asLong(), "id");
        assertEquals(created.sourceId(), session.path("source_id").asText(), "source_id");
        assertEquals(currentName, session.path("name").asText(), "name (the new attributes must not be applied)");
    }
}
