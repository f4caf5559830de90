package io.github.cwcontract.stub;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static io.github.cwcontract.stub.Stub.inboxPath;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Input a client should not send: the answer is a contract-shaped 4xx (or the 500 Chatwoot itself answers), never
 * a crash, never text/plain, and the state is the same afterwards.
 */
class BadInputTest {
    @RegisterExtension
    static final Stub stub = Stub.perClass();
    private static String sourceId;
    private static String contact;
    private static String conversation;
    private static int survey;
    private static String uuid;
    private String contactBefore;
    private String conversationBefore;

    @BeforeAll
    static void setUp() {
        sourceId = stub.createContact(PLAIN, Map.of("name", "Careful", "email", "careful@acme.inc"));
        contact = inboxPath(PLAIN) + "/contacts/" + sourceId;
        int id = stub.createConversation(PLAIN, sourceId);
        conversation = conversationPath(PLAIN, sourceId, id);
        stub.sendMessage(PLAIN, sourceId, id, "before the bad input");
        survey = stub.bodyless(stub.api()).post(conversation + "/toggle_status").then().extract().path("messages[1].id");
        uuid = stub.api().get(conversation).path("uuid");
    }

    @BeforeEach
    void rememberState() {
        contactBefore = stub.api().get(contact).asString();
        conversationBefore = stub.api().get(conversation).asString();
    }

    private void assertStateUnchanged() {
        assertEquals(contactBefore, stub.api().get(contact).asString());
        assertEquals(conversationBefore, stub.api().get(conversation).asString());
    }

    private static void assertValidationError(Response response, String message, List<String> attributes) {
        response.then().statusCode(422).contentType("application/json; charset=utf-8")
                .body("message", equalTo(message)).body("attributes", equalTo(attributes));
    }

    private static void assertErrorKey(Response response, String error) {
        response.then().statusCode(422).contentType("application/json; charset=utf-8").body("error", equalTo(error));
    }

    private static Response sendJson(String method, String path, String json) {
        return stub.offContract().contentType(ContentType.JSON).body(json).request(method, path);
    }

    private static void assertBadRequest(Response response) {
        response.then().statusCode(400).contentType("application/json; charset=utf-8")
                .body("status", equalTo(400)).body("error", equalTo("Bad Request"));
    }

    @Test
    void malformedJsonIsA400AsRailsAnswersAParseError() {
        String broken = "{\"name\": \"unterminated";
        assertBadRequest(sendJson("POST", inboxPath(PLAIN) + "/contacts", broken));
        assertBadRequest(sendJson("PATCH", contact, broken));
        assertBadRequest(sendJson("PUT", contact, "{} trailing"));
        assertBadRequest(sendJson("POST", contact + "/conversations", "{\"custom_attributes\": {"));
        assertBadRequest(sendJson("POST", conversation + "/messages", "{content: 'single quotes'}"));
        assertBadRequest(sendJson("PATCH", conversation + "/messages/" + survey, broken));
        assertBadRequest(sendJson("PUT", "/public/api/v1/csat_survey/" + uuid, broken));
        assertValidationError(sendJson("POST", contact + "/conversations", "[1, 2]"),
                "The request body must be a JSON object", List.of());
        assertStateUnchanged();
    }

    @Test
    void wrongJsonTypesAreA422NamingTheAttribute() {
        assertValidationError(sendJson("POST", conversation + "/messages", "{\"content\": 5}"),
                "content must be a string", List.of("content"));
        assertValidationError(sendJson("POST", conversation + "/messages", "{\"content\": {\"text\": \"hi\"}}"),
                "content must be a string", List.of("content"));
        assertValidationError(sendJson("POST", inboxPath(PLAIN) + "/contacts", "{\"custom_attributes\": \"x\"}"),
                "custom_attributes must be an object", List.of("custom_attributes"));
        assertValidationError(sendJson("PATCH", contact, "{\"name\": true}"), "name must be a string", List.of("name"));
        assertValidationError(sendJson("POST", contact + "/conversations", "{\"custom_attributes\": [1, 2]}"),
                "custom_attributes must be an object", List.of("custom_attributes"));
        assertValidationError(sendJson("PATCH", contact, "[]"), "The request body must be a JSON object", List.of());
        assertErrorKey(sendJson("PATCH", conversation + "/messages/" + survey, "{\"submitted_values\": 7}"),
                "submitted_values must be an array or an object");
        assertErrorKey(sendJson("PUT", conversation + "/messages/" + survey, "{\"submitted_values\": [\"billing\"]}"),
                "submitted_values[0] must be an object");
        assertErrorKey(sendJson("PATCH", conversation + "/messages/" + survey,
                "{\"submitted_values\": {\"csat_survey_response\": {\"rating\": \"five\"}}}"),
                "submitted_values.csat_survey_response.rating must be an integer");
        assertErrorKey(sendJson("PUT", "/public/api/v1/csat_survey/" + uuid,
                "{\"message\": {\"submitted_values\": {\"csat_survey_response\": {\"rating\": \"5\"}}}}"),
                "message.submitted_values.csat_survey_response.rating must be an integer");
        assertErrorKey(sendJson("PUT", "/public/api/v1/csat_survey/" + uuid, "{\"message\": {}}"),
                "message.submitted_values is required");
        assertStateUnchanged();
    }

    @Test
    void hugeBodiesAreRefusedWithoutHarm() {
        String huge = "x".repeat(2_000_000);
        assertValidationError(sendJson("POST", conversation + "/messages", "{\"content\": \"" + huge + "\"}"),
                "Content is too long (maximum is 150000 characters)", List.of("content"));
        assertBadRequest(sendJson("POST", inboxPath(PLAIN) + "/contacts", "{\"name\": \"" + huge));
        assertBadRequest(sendJson("POST", contact + "/conversations",
                "{\"custom_attributes\": " + "{\"a\": ".repeat(5000)));
        assertStateUnchanged();
    }

    @Test
    void wrongContentTypesAreA422() {
        assertValidationError(stub.offContract().contentType(ContentType.TEXT).body("name=x")
                .post(inboxPath(PLAIN) + "/contacts"),
                "Content-Type is not supported here: send application/json", List.of());
        assertValidationError(stub.offContract().contentType(ContentType.URLENC).formParam("content", "hi")
                .post(conversation + "/messages"),
                "Content-Type is not supported here: send application/json or multipart/form-data", List.of());
        assertErrorKey(stub.offContract().contentType(ContentType.XML).body("<submitted_values/>")
                .patch(conversation + "/messages/" + survey),
                "Content-Type is not supported here: send application/json");
        assertErrorKey(stub.offContract().contentType(ContentType.TEXT).body("5")
                .put("/public/api/v1/csat_survey/" + uuid),
                "Content-Type is not supported here: send application/json");
        assertValidationError(stub.offContract().contentType("multipart/form-data; boundary=nothing-follows")
                .body("garbage".getBytes(StandardCharsets.US_ASCII)).post(conversation + "/messages"),
                "The request body could not be read", List.of());
        assertStateUnchanged();
    }

    @Test
    void anUnparsableOrWildcardContentTypeIsUnsupportedOnABodyAndIgnoredOnAGet() {
        assertValidationError(stub.offContract().contentType("garbage").body("{}".getBytes(StandardCharsets.UTF_8)).post(inboxPath(PLAIN) + "/contacts"),
                "Content-Type is not supported here: send application/json", List.of());
        for (String wildcard : List.of("*/*", "multipart/*")) {
            assertValidationError(stub.offContract().contentType(wildcard).body("{}".getBytes(StandardCharsets.UTF_8))
                    .post(conversation + "/messages"),
                    "Content-Type is not supported here: send application/json or multipart/form-data", List.of());
        }
        stub.offContract().contentType("garbage").body("x".getBytes(StandardCharsets.UTF_8)).get(contact).then()
                .statusCode(200).body("source_id", equalTo(sourceId));
        stub.offContract().contentType("garbage").body("x".getBytes(StandardCharsets.UTF_8))
                .post(conversation + "/toggle_typing").then().statusCode(200);
        assertStateUnchanged();
    }

    @Test
    void theAcceptHeaderIsIgnoredLikeRailsJsonRoutes() {
        stub.offContract().accept(ContentType.HTML).get(contact).then()
                .statusCode(200).contentType("application/json; charset=utf-8");
        stub.offContract().accept(ContentType.XML).get(inboxPath("no-such-inbox")).then()
                .statusCode(404).contentType("application/json; charset=utf-8");
    }

    @Test
    void oddPathIdsAreNotFound() {
        for (String id : List.of("%00", "x%00y", "%2E%2E", "%2e%2e%2f%2e%2e", "a%2Fb", "%E2%9C%93", "%F0%9F%92%A9",
                "%C3%28", "..%5C..", "%25", "%20")) {
            NotFoundTest.assertNotFound(stub.offContract().urlEncodingEnabled(false).get(inboxPath(id)));
            NotFoundTest.assertNotFound(stub.offContract().urlEncodingEnabled(false).get(inboxPath(PLAIN) + "/contacts/" + id));
            NotFoundTest.assertNotFound(stub.offContract().urlEncodingEnabled(false)
                    .get(inboxPath(PLAIN) + "/contacts/" + sourceId + "/conversations/" + id));
            NotFoundTest.assertNotFound(stub.offContract().urlEncodingEnabled(false)
                    .get("/public/api/v1/csat_survey/" + id));
        }
        NotFoundTest.assertNotFound(stub.offContract().get(inboxPath("✓ unicode")));
        assertStateUnchanged();
    }

    @Test
    void nonNumericConversationAndMessageIdsAreNotFound() {
        String conversations = contact + "/conversations/";
        for (String id : List.of("abc", "1.5", "-1", "0", "99999999999", "1e3", " 1")) {
            NotFoundTest.assertNotFound(stub.offContract().get(conversations + id));
            NotFoundTest.assertNotFound(stub.offContract().get(conversations + id + "/messages"));
            NotFoundTest.assertNotFound(stub.offContract().contentType(ContentType.JSON).body("{}")
                    .patch(conversation + "/messages/" + id));
        }
        NotFoundTest.assertNotFound(stub.offContract().queryParam("before", "abc").get(conversation + "/messages"));
        assertStateUnchanged();
    }
}
