package io.github.cwcontract.conformance.identity;

import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.Hmac;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import io.github.cwcontract.conformance.deployment.Target;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity validation (HMAC). The checks on the identity-validation inbox run when the target names one and its
 * token; a wrong hash on the plain inbox is checked always (a given hash is verified on every inbox).
 */
@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Identity validation (HMAC)")
class IdentityValidationTest {

    private static final String WRONG_HASH = "0".repeat(64);

    private final String identifier = TestData.identifier();
    private ContactRef verified;

    @Test
    @DisplayName("createContact answers 500 for a wrong identifier_hash, also on an inbox without identity validation")
    void wrongHashOnPlainInbox(PublicApi api) {
        api.createContact(api.target().inbox(), Map.of("identifier", TestData.identifier(), "identifier_hash", WRONG_HASH))
                .expect(500);
    }

    @Test
    @DisplayName("getInbox reports identity_validation_enabled on the HMAC inbox")
    void inboxReportsValidation(PublicApi api) {
        Target target = hmacTarget(api);
        assertTrue(api.getInbox(target.hmacInbox()).expect(200).json().path("identity_validation_enabled").asBoolean(),
                "identity_validation_enabled is not true on inbox " + target.hmacInbox());
    }

    @Test
    @DisplayName("createContact accepts the correct identifier_hash")
    void createWithCorrectHash(PublicApi api) {
        Target target = hmacTarget(api);
        String newIdentifier = TestData.identifier();
        api.createContact(target.hmacInbox(), Map.of("identifier", newIdentifier,
                "identifier_hash", Hmac.identifierHash(target.hmacToken(), newIdentifier))).expect(200);
    }

    @Test
    @DisplayName("createContact answers 500 for a wrong identifier_hash")
    void createWithWrongHash(PublicApi api) {
        Target target = hmacTarget(api);
        api.createContact(target.hmacInbox(), Map.of("identifier", TestData.identifier(), "identifier_hash", WRONG_HASH))
                .expect(500);
    }

    @Test
    @DisplayName("createContact answers 500 without identifier_hash")
    void createWithoutHash(PublicApi api) {
        Target target = hmacTarget(api);
        api.createContact(target.hmacInbox(), Map.of("identifier", TestData.identifier())).expect(500);
    }

    @Test
    @DisplayName("getContact accepts the correct identifier_hash, answers 500 for a wrong or missing one")
    void get(PublicApi api) {
        ContactRef contact = session(api);
        api.getContact(contact.inbox(), contact.sourceId(), signed(api, Map.of())).expect(200);
        api.getContact(contact.inbox(), contact.sourceId(),
                Map.of("identifier", identifier, "identifier_hash", WRONG_HASH)).expect(500);
        api.getContact(contact.inbox(), contact.sourceId(), Map.of()).expect(500);
    }

    @Test
    @DisplayName("updateContact accepts the correct identifier_hash, answers 500 for a wrong or missing one")
    void update(PublicApi api) {
        ContactRef contact = session(api);
        api.updateContact(Verb.PATCH, contact, signed(api, Map.of("name", "Conformance Verified"))).expect(200);
        api.updateContact(Verb.PATCH, contact,
                Map.of("identifier", identifier, "identifier_hash", WRONG_HASH, "name", "Mallory")).expect(500);
        api.updateContact(Verb.PUT, contact, Map.of("name", "Mallory")).expect(500);
    }

    private static Target hmacTarget(PublicApi api) {
        Target target = api.target();
        Assumptions.assumeTrue(target.hasHmacInbox(), "no identity-validation inbox and token given");
        return target;
    }

    /** A session on the HMAC inbox, created with a correct hash. */
    private ContactRef session(PublicApi api) {
        if (verified == null) {
            Target target = hmacTarget(api);
            verified = api.newContact(target.hmacInbox(),
                    signed(api, Map.of("name", "Conformance " + TestData.unique())));
        }
        return verified;
    }

    private Map<String, String> signed(PublicApi api, Map<String, String> attributes) {
        Map<String, String> signed = new HashMap<>(attributes);
        signed.put("identifier", identifier);
        signed.put("identifier_hash", Hmac.identifierHash(api.target().hmacToken(), identifier));
        return signed;
    }
}
