package io.github.cwcontract.stub;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static io.github.cwcontract.stub.Stub.inboxPath;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every request gets regardless of the operation: real clients' habits, CORS, and the served contract. */
class ConventionsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @RegisterExtension
    static final Stub stub = Stub.perClass();

    /** A POST as curl or java.net.http sends it without a body: no Content-Type at all. */
    private static HttpResponse<String> postWithoutBody(String path) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(stub.server.baseUri() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Stub.assertConforms("POST", path, null, response);
        return response;
    }

    @Test
    void bodylessPostsWithoutContentTypeWork() throws Exception {
        HttpResponse<String> contact = postWithoutBody(inboxPath(PLAIN) + "/contacts");
        assertEquals(200, contact.statusCode());
        String sourceId = contact.body().replaceFirst("^\\{\"source_id\":\"([^\"]+)\".*", "$1");
        String conversations = inboxPath(PLAIN) + "/contacts/" + sourceId + "/conversations";
        HttpResponse<String> conversation = postWithoutBody(conversations);
        assertEquals(200, conversation.statusCode());
        int id = Integer.parseInt(conversation.body().replaceFirst("^\\{\"id\":(\\d+),.*", "$1"));
        String path = conversationPath(PLAIN, sourceId, id);
        assertEquals(200, postWithoutBody(path + "/toggle_typing").statusCode());
        assertEquals(200, postWithoutBody(path + "/update_last_seen").statusCode());
        assertEquals(200, postWithoutBody(path + "/messages").statusCode());
        assertEquals(200, postWithoutBody(path + "/toggle_status").statusCode());

        // like Rails, a body without a Content-Type is not read at all
        HttpResponse<String> untyped = CLIENT.send(HttpRequest.newBuilder(
                        URI.create(stub.server.baseUri() + path + "/messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"unlabelled\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Stub.assertConforms("POST", path + "/messages", null, untyped);
        assertEquals(200, untyped.statusCode());
        assertTrue(untyped.body().contains("\"content\":null"), untyped.body());
    }

    @Test
    void aJsonPostFromJavaNetHttpIsAnsweredPromptlyDespiteItsH2cUpgradeRequest() throws Exception {
        String body = "{\"name\":\"From java.net.http\"}";
        String path = inboxPath(PLAIN) + "/contacts";
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(stub.server.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Stub.assertConforms("POST", path, body, response);
        assertEquals(200, response.statusCode());
    }

    @Test
    void allowsCrossOriginCallsToThePublicApiLikeChatwootsCorsRule() {
        stub.unvalidated().header("Origin", "https://shop.example").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "content-type")
                .options(inboxPath(PLAIN) + "/contacts/anything").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD")
                .header("Access-Control-Allow-Headers", "content-type");
        stub.api().header("Origin", "https://shop.example").get(inboxPath(PLAIN)).then()
                .statusCode(200).header("Access-Control-Allow-Origin", "*");
        stub.api().get(inboxPath(PLAIN)).then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void servesTheContractItImplements() {
        String served = stub.unvalidated().get("/openapi.yaml").then()
                .statusCode(200).contentType("application/yaml; charset=utf-8").extract().asString();
        assertEquals(Stub.spec(), served);
    }

    @Test
    void servesTheRenderedDocsTheSpecJarCarries() throws Exception {
        boolean built;
        try (var in = getClass().getClassLoader().getResourceAsStream("chatwoot-public-api/docs.html")) {
            built = in != null;
        }
        String page = stub.unvalidated().get("/docs").then()
                .statusCode(built ? 200 : 404).contentType("text/html; charset=utf-8").extract().asString();
        // the rendered page embeds the contract's title; without it, the hint says how to build it
        assertTrue(page.contains(built ? "Chatwoot Public (Client) API" : "npm ci"), page.substring(0, 200));
    }

    @Test
    void theContractValidatorOfTheseTestsIsActive() {
        // the contract has no /openapi.yaml operation: a validated request to it must be refused by the filter
        assertThrows(OpenApiValidationFilter.OpenApiValidationException.class, () -> stub.api().get("/openapi.yaml"));
    }

    @Test
    void doesNotAdvertiseItsServerSoftware() {
        stub.api().get(inboxPath(PLAIN)).then().statusCode(200).header("Server", nullValue());
        stub.api().get(inboxPath("unknown")).then().statusCode(404).header("Server", nullValue());
    }
}
