package io.github.cwcontract.stub;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.inboxPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ContactsApiTest {
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String SECURE_TOKEN_SHAPE = "[1-9A-HJ-NP-Za-km-z]{24}";
    @RegisterExtension
    static final Stub stub = Stub.perClass();

    private static String contacts() {
        return inboxPath(PLAIN) + "/contacts";
    }

    @Test
    void createsAnAnonymousContactWithoutABody() {
        stub.bodyless(stub.api()).post(contacts()).then()
                .statusCode(200)
                .body("source_id", matchesPattern(UUID_V4))
                .body("pubsub_token", matchesPattern(SECURE_TOKEN_SHAPE))
                .body("id", notNullValue())
                .body("name", matchesPattern("[a-z]+-[a-z]+-\\d{1,3}"))
                .body("$", hasKey("email")).body("email", nullValue())
                .body("$", hasKey("phone_number")).body("phone_number", nullValue());
    }

    @Test
    void createsAContactWithAttributesLowerCasingTheEmail() {
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("name", "Alice Martin", "email", "Alice.Create@Acme.inc", "phone_number", "+14155550100",
                        "identifier", "create-1", "custom_attributes", Map.of("plan", "pro")))
                .post(contacts()).then()
                .statusCode(200)
                .body("name", equalTo("Alice Martin"))
                .body("email", equalTo("alice.create@acme.inc"))
                .body("phone_number", equalTo("+14155550100"));
    }

    @Test
    void treatsExplicitNullsLikeAbsentKeys() {
        Map<String, Object> body = new HashMap<>();
        body.put("identifier_hash", null);
        body.put("custom_attributes", null);
        body.put("email", null);
        stub.api().contentType(ContentType.JSON).body(body).post(contacts()).then()
                .statusCode(200).body("email", nullValue());
    }

    @Test
    void returnsTheExistingSessionUnchangedForAKnownSourceId() {
        Response first = stub.api().contentType(ContentType.JSON)
                .body(Map.of("source_id", "my-session-42", "name", "First Name"))
                .post(contacts());
        first.then().statusCode(200).body("source_id", equalTo("my-session-42"));

        stub.api().contentType(ContentType.JSON)
                .body(Map.of("source_id", "my-session-42", "name", "Second Name", "email", "second@acme.inc"))
                .post(contacts()).then()
                .statusCode(200)
                .body("id", equalTo(first.path("id")))
                .body("pubsub_token", equalTo(first.path("pubsub_token")))
                .body("name", equalTo("First Name"))
                .body("email", nullValue());
    }

    @Test
    void reusesAContactOfTheAccountByEmailIgnoringCaseWithoutChangingIt() {
        Response alice = stub.api().contentType(ContentType.JSON)
                .body(Map.of("name", "Reused Alice", "email", "reuse@acme.inc")).post(contacts());
        // another inbox of the same account, another case, another name
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("name", "Somebody Else", "email", "REUSE@acme.INC"))
                .post(inboxPath(Stub.OTHER) + "/contacts").then()
                .statusCode(200)
                .body("id", equalTo(alice.path("id")))
                .body("name", equalTo("Reused Alice"))
                .body("source_id", not(equalTo(alice.path("source_id"))));
    }

    @Test
    void reusesAContactByIdentifierFirstThenByPhoneNumber() {
        int byIdentifier = stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", "reuse-id-1", "email", "reuse-id@acme.inc")).post(contacts())
                .then().extract().path("id");
        int byPhone = stub.api().contentType(ContentType.JSON)
                .body(Map.of("phone_number", "+4915155550111")).post(contacts()).then().extract().path("id");

        stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", "reuse-id-1", "phone_number", "+4915155550111")).post(contacts())
                .then().statusCode(200).body("id", equalTo(byIdentifier));
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("email", "unknown-yet@acme.inc", "phone_number", "+4915155550111")).post(contacts())
                .then().statusCode(200).body("id", equalTo(byPhone));
    }

    @Test
    void truncatesANameLongerThan255Characters() {
        stub.api().contentType(ContentType.JSON).body(Map.of("name", "n".repeat(300))).post(contacts()).then()
                .statusCode(200).body("name", equalTo("n".repeat(255)));
    }

    @Test
    void refusesAnInvalidEmailWith422() {
        stub.api().contentType(ContentType.JSON).body(Map.of("email", "not-an-email", "name", "Invalid Email"))
                .post(contacts()).then()
                .statusCode(422)
                .contentType("application/json; charset=utf-8")
                .body("message", equalTo("Email Invalid email"))
                .body("attributes", equalTo(List.of("email")));
        // nothing was created: the same email in a valid form makes a new contact named as given
        stub.api().contentType(ContentType.JSON).body(Map.of("email", "was-invalid@acme.inc", "name", "Valid Now"))
                .post(contacts()).then().statusCode(200).body("name", equalTo("Valid Now"));
    }

    @Test
    void refusesAPhoneNumberOutsideE164With422() {
        stub.api().contentType(ContentType.JSON).body(Map.of("phone_number", "0151 555 0100"))
                .post(contacts()).then()
                .statusCode(422)
                .body("message", equalTo("Phone number should be in e164 format"))
                .body("attributes", equalTo(List.of("phone_number")));
    }

    @Test
    void joinsSeveralValidationErrorsAndRefusesOverlongStrings() {
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("email", "x", "phone_number", "12", "identifier", "i".repeat(256)))
                .post(contacts()).then()
                .statusCode(422)
                .body("message", equalTo("Email Invalid email, Phone number should be in e164 format, "
                        + "Identifier is too long (maximum is 255 characters)"))
                .body("attributes", equalTo(List.of("email", "phone_number", "identifier")));
    }

    @Test
    void showsTheSession() {
        Response created = stub.api().contentType(ContentType.JSON)
                .body(Map.of("name", "Shown", "email", "shown@acme.inc")).post(contacts());
        String sourceId = created.path("source_id");
        stub.api().get(contacts() + "/" + sourceId).then()
                .statusCode(200)
                .body("source_id", equalTo(sourceId))
                .body("pubsub_token", equalTo(created.path("pubsub_token")))
                .body("id", equalTo(created.path("id")))
                .body("email", equalTo("shown@acme.inc"));
    }

    @Test
    void updateAnswersTheFullRecordAndDeepMergesCustomAttributes() {
        String sourceId = stub.createContact(PLAIN, Map.of("name", "Before", "identifier", "merge-attrs-1",
                "custom_attributes", Map.of("plan", "free", "address", Map.of("city", "Berlin", "zip", "10115"))));
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("name", "After", "identifier", "changed-identifier", "phone_number", "",
                        "custom_attributes", Map.of("seats", 12, "address", Map.of("zip", "10117"))))
                .patch(contacts() + "/" + sourceId).then()
                .statusCode(200)
                .body("$", not(hasKey("source_id")))
                .body("$", not(hasKey("pubsub_token")))
                .body("name", equalTo("After"))
                .body("identifier", equalTo("merge-attrs-1"))
                .body("phone_number", nullValue())
                .body("custom_attributes.plan", equalTo("free"))
                .body("custom_attributes.seats", equalTo(12))
                .body("custom_attributes.address.city", equalTo("Berlin"))
                .body("custom_attributes.address.zip", equalTo("10117"))
                .body("account_id", equalTo(1))
                .body("contact_type", equalTo("visitor"))
                .body("created_at", equalTo("2026-06-18T09:10:02.345Z"))
                .body("last_activity_at", nullValue())
                .body("additional_attributes", equalTo(Map.of()))
                .body("middle_name", equalTo(""))
                .body("location", nullValue())
                .body("blocked", equalTo(false))
                .body("$", hasKey("company_id"));
    }

    @Test
    void updateViaPutBehavesLikePatchAndMakesAVisitorALead() {
        String sourceId = stub.anonymousContact(PLAIN);
        stub.api().contentType(ContentType.JSON).body(Map.of("email", "Put.Lead@Acme.inc"))
                .put(contacts() + "/" + sourceId).then()
                .statusCode(200)
                .body("email", equalTo("put.lead@acme.inc"))
                .body("contact_type", equalTo("lead"));
    }

    @Test
    void updateRefusesInvalidValuesAndLeavesTheContactUnchanged() {
        String sourceId = stub.createContact(PLAIN, Map.of("name", "Unchanged", "email", "unchanged@acme.inc"));
        stub.api().contentType(ContentType.JSON).body(Map.of("name", "Changed", "email", "broken"))
                .patch(contacts() + "/" + sourceId).then()
                .statusCode(422).body("message", equalTo("Email Invalid email"));
        stub.api().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(256)))
                .patch(contacts() + "/" + sourceId).then()
                .statusCode(422)
                .body("message", equalTo("Name is too long (maximum is 255 characters)"))
                .body("attributes", equalTo(List.of("name")));
        stub.api().get(contacts() + "/" + sourceId).then()
                .body("name", equalTo("Unchanged")).body("email", equalTo("unchanged@acme.inc"));
    }

    @Test
    void updateWithTheEmailOfAnotherContactMergesIntoThatContact() {
        Response existing = stub.api().contentType(ContentType.JSON)
                .body(Map.of("name", "Existing", "email", "existing@acme.inc", "custom_attributes", Map.of("a", 1)))
                .post(contacts());
        int existingId = existing.path("id");
        String visitor = stub.createContact(PLAIN, Map.of("name", "Visitor", "custom_attributes", Map.of("b", 2)));
        int visitorId = stub.api().get(contacts() + "/" + visitor).path("id");
        int conversation = stub.createConversation(PLAIN, visitor);
        stub.sendMessage(PLAIN, visitor, conversation, "sent before the merge");

        stub.api().contentType(ContentType.JSON).body(Map.of("email", "EXISTING@acme.inc", "name", "Merged"))
                .patch(contacts() + "/" + visitor).then()
                .statusCode(200)
                .body("id", equalTo(existingId))
                .body("name", equalTo("Merged"))
                .body("custom_attributes", equalTo(Map.of("a", 1, "b", 2)));
        assertNotEquals(existingId, visitorId);

        // the visitor's session, conversation and messages now belong to the existing contact
        stub.api().get(contacts() + "/" + visitor).then().body("id", equalTo(existingId));
        stub.api().get(Stub.conversationPath(PLAIN, visitor, conversation)).then()
                .statusCode(200)
                .body("contact.id", equalTo(existingId))
                .body("messages[0].sender.id", equalTo(existingId));
        Response again = stub.api().contentType(ContentType.JSON).body(Map.of("email", "existing@acme.inc"))
                .post(contacts());
        assertEquals(existingId, (int) again.path("id"));
    }

    @Test
    void updateRefusesAPhoneNumberOfAContactWithAnotherEmail() {
        stub.createContact(PLAIN, Map.of("email", "phone-owner@acme.inc", "phone_number", "+33612345678"));
        String sourceId = stub.createContact(PLAIN, Map.of("email", "someone@acme.inc"));
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("email", "someone@acme.inc", "phone_number", "+33612345678"))
                .patch(contacts() + "/" + sourceId).then()
                .statusCode(422)
                .body("message", equalTo("Phone number has already been taken"))
                .body("attributes", equalTo(List.of("phone_number")));
    }
}
