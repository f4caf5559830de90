package io.github.cwcontract.stub;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static io.github.cwcontract.stub.Stub.OTHER;
import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.PLAIN_TOKEN;
import static io.github.cwcontract.stub.Stub.SECURE;
import static io.github.cwcontract.stub.Stub.SECURE_TOKEN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static io.github.cwcontract.stub.Stub.hmac;
import static io.github.cwcontract.stub.Stub.inboxPath;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** HMAC identity validation on the contacts endpoints, and the scope a verified session gets. */
class IdentityValidationTest {
    @RegisterExtension
    static final Stub stub = Stub.perClass();

    private static void assertHmacFailure(Response response) {
        response.then()
                .statusCode(500)
                .contentType("application/json; charset=utf-8")
                .body("status", equalTo(500))
                .body("error", equalTo("Internal Server Error"));
    }

    @Test
    void anHmacInboxRefusesContactCallsWithoutAValidHash() {
        String contacts = inboxPath(SECURE) + "/contacts";
        assertHmacFailure(stub.api().contentType(ContentType.JSON).body(Map.of("identifier", "cust-1"))
                .post(contacts));
        assertHmacFailure(stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", "cust-1", "identifier_hash", hmac(SECURE_TOKEN, "cust-2")))
                .post(contacts));
        // the key is the inbox's own token
        assertHmacFailure(stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", "cust-1", "identifier_hash", hmac(PLAIN_TOKEN, "cust-1")))
                .post(contacts));

        String sourceId = stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", "cust-1", "identifier_hash", hmac(SECURE_TOKEN, "cust-1"), "name", "Signed"))
                .post(contacts).then().statusCode(200).extract().path("source_id");

        assertHmacFailure(stub.api().get(contacts + "/" + sourceId));
        assertHmacFailure(stub.api().queryParam("identifier", "cust-1").queryParam("identifier_hash", "00ff")
                .get(contacts + "/" + sourceId));
        stub.api().queryParam("identifier", "cust-1").queryParam("identifier_hash", hmac(SECURE_TOKEN, "cust-1"))
                .get(contacts + "/" + sourceId).then().statusCode(200).body("name", equalTo("Signed"));

        assertHmacFailure(stub.api().contentType(ContentType.JSON).body(Map.of("name", "Unsigned change"))
                .patch(contacts + "/" + sourceId));
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("name", "Signed change", "identifier", "cust-1",
                        "identifier_hash", hmac(SECURE_TOKEN, "cust-1")))
                .patch(contacts + "/" + sourceId).then().statusCode(200).body("name", equalTo("Signed change"));
    }

    @Test
    void withoutAnIdentifierTheHashSignsTheEmptyString() {
        stub.api().contentType(ContentType.JSON).body(Map.of("identifier_hash", hmac(SECURE_TOKEN, "")))
                .post(inboxPath(SECURE) + "/contacts").then().statusCode(200);
    }

    @Test
    void aPlainInboxChecksAHashOnlyWhenOneIsGiven() {
        String contacts = inboxPath(PLAIN) + "/contacts";
        stub.api().contentType(ContentType.JSON).body(Map.of("identifier", "plain-1")).post(contacts)
                .then().statusCode(200);
        assertHmacFailure(stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", "plain-1", "identifier_hash", "wrong")).post(contacts));
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", "plain-1", "identifier_hash", hmac(PLAIN_TOKEN, "plain-1"))).post(contacts)
                .then().statusCode(200);
    }

    @Test
    void conversationAndMessageEndpointsNeverCheckTheHash() {
        String sourceId = stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", "cust-3", "identifier_hash", hmac(SECURE_TOKEN, "cust-3")))
                .post(inboxPath(SECURE) + "/contacts").then().statusCode(200).extract().path("source_id");
        int id = stub.createConversation(SECURE, sourceId);
        stub.sendMessage(SECURE, sourceId, id, "no hash needed here");
        stub.api().get(conversationPath(SECURE, sourceId, id) + "/messages").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aValidHashOnShowWidensTheScopeToAllConversationsOfTheContact() {
        String identifier = "cross-inbox-1";
        String plain = stub.createContact(PLAIN, Map.of("identifier", identifier, "name", "Two Inboxes"));
        String other = stub.createContact(OTHER, Map.of("identifier", identifier));
        int inPlain = stub.createConversation(PLAIN, plain);
        int inOther = stub.createConversation(OTHER, other);
        stub.sendMessage(OTHER, other, inOther, "written in the other inbox");
        // another contact's conversation never comes into scope
        String stranger = stub.anonymousContact(PLAIN);
        int strangers = stub.createConversation(PLAIN, stranger);

        String conversations = inboxPath(PLAIN) + "/contacts/" + plain + "/conversations";
        stub.api().get(conversations).then().body("id", containsInAnyOrder(inPlain));
        stub.api().get(conversationPath(PLAIN, plain, inOther)).then().statusCode(404);
        stub.api().get(conversationPath(PLAIN, plain, inOther) + "/messages").then().statusCode(404);

        // a valid hash with a create does not verify the session
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("source_id", plain, "identifier", identifier, "identifier_hash", hmac(PLAIN_TOKEN, identifier)))
                .post(inboxPath(PLAIN) + "/contacts").then().statusCode(200);
        stub.api().get(conversations).then().body("id", containsInAnyOrder(inPlain));

        stub.api().queryParam("identifier", identifier).queryParam("identifier_hash", hmac(PLAIN_TOKEN, identifier))
                .get(inboxPath(PLAIN) + "/contacts/" + plain).then().statusCode(200);

        stub.api().get(conversations).then().body("id", containsInAnyOrder(inPlain, inOther));
        stub.api().get(conversationPath(PLAIN, plain, inOther)).then().statusCode(200).body("inbox_id", equalTo(2));
        stub.api().get(conversationPath(PLAIN, plain, inOther) + "/messages").then()
                .statusCode(200).body("content", equalTo(List.of("written in the other inbox")));
        stub.sendMessage(PLAIN, plain, inOther, "answered through the verified session");
        stub.api().get(conversationPath(PLAIN, plain, strangers)).then().statusCode(404);
        // the other session itself is still unverified
        stub.api().get(inboxPath(OTHER) + "/contacts/" + other + "/conversations").then()
                .body("id", containsInAnyOrder(inOther));
    }

    @Test
    void aValidHashOnUpdateAlsoVerifiesTheSession() {
        String identifier = "verified-by-update";
        String plain = stub.createContact(PLAIN, Map.of("identifier", identifier));
        String other = stub.createContact(OTHER, Map.of("identifier", identifier));
        int inOther = stub.createConversation(OTHER, other);

        stub.api().contentType(ContentType.JSON)
                .body(Map.of("identifier", identifier, "identifier_hash", hmac(PLAIN_TOKEN, identifier)))
                .patch(inboxPath(PLAIN) + "/contacts/" + plain).then().statusCode(200);
        stub.api().get(conversationPath(PLAIN, plain, inOther)).then().statusCode(200);
    }
}
