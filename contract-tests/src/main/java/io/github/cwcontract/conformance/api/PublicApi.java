package io.github.cwcontract.conformance.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.conformance.deployment.Target;
import io.github.cwcontract.conformance.validation.ContractValidation;
import io.github.cwcontract.conformance.validation.Interaction;
import io.github.cwcontract.conformance.validation.InteractionRecorder;
import io.github.cwcontract.conformance.validation.TargetHealth;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Public API as the tests call it. Every request goes through the contract validator ({@code
 * OpenApiValidationFilter}), which checks the request and the response against {@code openapi.yaml}; a violation
 * fails the test with the validator's findings.
 */
public final class PublicApi {

    /** Connect and read timeouts: a dead or wrong URL fails within seconds, never hangs. */
    public static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    public static final int READ_TIMEOUT_MILLIS = 10_000;

    private static final String INBOX = "/public/api/v1/inboxes/{inbox}";
    private static final String CONTACTS = INBOX + "/contacts";
    private static final String CONTACT = CONTACTS + "/{contact}";
    private static final String CONVERSATIONS = CONTACT + "/conversations";
    private static final String CONVERSATION = CONVERSATIONS + "/{conversation}";
    private static final String MESSAGES = CONVERSATION + "/messages";
    private static final String MESSAGE = MESSAGES + "/{message}";
    private static final String CSAT_SURVEY = "/public/api/v1/csat_survey/{uuid}";
    private static final String SURVEY_PAGE = "/survey/responses/{uuid}";

    // A new HTTP client per request: a reused one does not release its connection after an empty response
    // (rest-assured issue #1392), and toggleTyping and updateLastSeen answer with empty bodies.
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", CONNECT_TIMEOUT_MILLIS)
                    .setParam("http.socket.timeout", READ_TIMEOUT_MILLIS))
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final Consumer<Interaction> sink;
    private final TargetHealth health;
    private final boolean invalidRequestsExpected;

    /**
     * @param target the deployment
     * @param sink   receives every request/response exchange
     * @param health shared by all tests of a run
     */
    public PublicApi(Target target, Consumer<Interaction> sink, TargetHealth health) {
        this(target, sink, health, false);
    }

    private PublicApi(Target target, Consumer<Interaction> sink, TargetHealth health, boolean invalidRequestsExpected) {
        this.target = target;
        this.sink = sink;
        this.health = health;
        this.invalidRequestsExpected = invalidRequestsExpected;
    }

    public Target target() {
        return target;
    }

    /**
     * The same API for requests the contract forbids, sent on purpose to provoke a documented error: the request
     * findings are expected and ignored, the response is still validated.
     */
    public PublicApi sendingInvalidRequests() {
        return new PublicApi(target, sink, health, true);
    }

    /**
     * Loads what the first request needs (the validator, RestAssured's classes) ahead of time, e.g. in a background
     * thread while the target starts.
     */
    public static void prepare(String basePath) {
        ContractValidation.prepare(basePath);
        RestAssured.given().config(CONFIG);
    }

    /** A request with the validation filters in place, for requests the typed methods below do not cover. */
    public RequestSpecification request() {
        URI base = target.baseUrl();
        String basePath = target.basePath();
        InteractionRecorder recorder = new InteractionRecorder(basePath, sink, health, invalidRequestsExpected);
        return RestAssured.given()
                .config(CONFIG)
                .baseUri(base.getScheme() + "://" + base.getRawAuthority())
                .basePath(basePath)
                .filter(recorder.outer())
                .filter(ContractValidation.filter(basePath))
                .filter(recorder.inner());
    }

    // --- inbox -------------------------------------------------------------------------------------------------

    public ApiResponse getInbox(String inbox) {
        return call("getInbox", request().pathParam("inbox", inbox).get(INBOX));
    }

    // --- contacts ----------------------------------------------------------------------------------------------

    /** Creates a contact session; a null body sends no body at all. */
    public ApiResponse createContact(String inbox, Object body) {
        return call("createContact", json(request(), body).pathParam("inbox", inbox).post(CONTACTS));
    }

    public ApiResponse getContact(String inbox, String sourceId, Map<String, String> query) {
        return call("getContact", request().pathParam("inbox", inbox).pathParam("contact", sourceId)
                .queryParams(query).get(CONTACT));
    }

    public ApiResponse getContact(ContactRef contact) {
        return getContact(contact.inbox(), contact.sourceId(), Map.of());
    }

    public ApiResponse updateContact(Verb verb, String inbox, String sourceId, Object body) {
        RequestSpecification spec = json(request(), body).pathParam("inbox", inbox).pathParam("contact", sourceId);
        return verb == Verb.PATCH
                ? call("updateContact", spec.patch(CONTACT))
                : call("updateContactViaPut", spec.put(CONTACT));
    }

    public ApiResponse updateContact(Verb verb, ContactRef contact, Object body) {
        return updateContact(verb, contact.inbox(), contact.sourceId(), body);
    }

    // --- conversations -----------------------------------------------------------------------------------------

    public ApiResponse listConversations(ContactRef contact) {
        return call("listConversations", contactRequest(contact).get(CONVERSATIONS));
    }

    public ApiResponse createConversation(ContactRef contact, Object body) {
        return call("createConversation", json(contactRequest(contact), body).post(CONVERSATIONS));
    }

    public ApiResponse getConversation(ConversationRef conversation) {
        return call("getConversation", conversationRequest(conversation).get(CONVERSATION));
    }

    public ApiResponse toggleStatus(ConversationRef conversation) {
        return call("toggleConversationStatus",
                withoutBody(conversationRequest(conversation)).post(CONVERSATION + "/toggle_status"));
    }

    /** Sends {@code typing_status} in the JSON body or, with {@code inQuery}, as a query parameter. */
    public ApiResponse toggleTyping(ConversationRef conversation, String typingStatus, boolean inQuery) {
        return inQuery
                ? toggleTyping(json(conversationRequest(conversation), null).queryParam("typing_status", typingStatus))
                : toggleTyping(conversation, Map.of("typing_status", typingStatus));
    }

    public ApiResponse toggleTyping(ConversationRef conversation, Object body) {
        return toggleTyping(json(conversationRequest(conversation), body));
    }

    private static ApiResponse toggleTyping(RequestSpecification spec) {
        return call("toggleTyping", spec.post(CONVERSATION + "/toggle_typing"));
    }

    public ApiResponse updateLastSeen(ConversationRef conversation) {
        return call("updateLastSeen",
                withoutBody(conversationRequest(conversation)).post(CONVERSATION + "/update_last_seen"));
    }

    // --- messages ----------------------------------------------------------------------------------------------

    /** Lists messages; a null {@code before} asks for the latest page. */
    public ApiResponse listMessages(ConversationRef conversation, Long before) {
        RequestSpecification spec = conversationRequest(conversation);
        if (before != null) {
            spec = spec.queryParam("before", before);
        }
        return call("listMessages", spec.get(MESSAGES));
    }

    public ApiResponse createMessage(ConversationRef conversation, Object body) {
        return call("createMessage", json(conversationRequest(conversation), body).post(MESSAGES));
    }

    /** Creates a message with one file, as {@code multipart/form-data} with an {@code attachments[]} part. */
    public ApiResponse createMessageWithFile(ConversationRef conversation, String content, String fileName,
                                             byte[] file, String mimeType) {
        return call("createMessage", conversationRequest(conversation)
                .multiPart("content", content)
                .multiPart("attachments[]", fileName, file, mimeType)
                .post(MESSAGES));
    }

    /** Creates a message from multipart form fields that are not files. */
    public ApiResponse createMessageWithFields(ConversationRef conversation, Map<String, String> fields) {
        RequestSpecification spec = conversationRequest(conversation);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            spec = spec.multiPart(field.getKey(), field.getValue());
        }
        return call("createMessage", spec.post(MESSAGES));
    }

    public ApiResponse updateMessage(Verb verb, ConversationRef conversation, long messageId, Object body) {
        RequestSpecification spec = json(conversationRequest(conversation), body).pathParam("message", messageId);
        return verb == Verb.PATCH
                ? call("updateMessage", spec.patch(MESSAGE))
                : call("updateMessageViaPut", spec.put(MESSAGE));
    }

    // --- CSAT --------------------------------------------------------------------------------------------------

    public ApiResponse getCsatSurvey(String uuid) {
        return call("getCsatSurvey", request().pathParam("uuid", uuid).get(CSAT_SURVEY));
    }

    public ApiResponse updateCsatSurvey(Verb verb, String uuid, Object body) {
        RequestSpecification spec = json(request(), body).pathParam("uuid", uuid);
        return verb == Verb.PUT
                ? call("updateCsatSurvey", spec.put(CSAT_SURVEY))
                : call("updateCsatSurveyViaPatch", spec.patch(CSAT_SURVEY));
    }

    public ApiResponse getCsatSurveyPage(String uuid) {
        return call("getCsatSurveyPage", request().accept("text/html").pathParam("uuid", uuid).get(SURVEY_PAGE));
    }

    // --- steps shared by the scenarios -------------------------------------------------------------------------

    /** Creates a contact session and fails unless the server answered 200. */
    public ContactRef newContact(String inbox, Object body) {
        JsonNode session = createContact(inbox, body).expect(200).json();
        return new ContactRef(inbox, session.path("source_id").asText(), session.path("id").asLong());
    }

    /** Creates a conversation and fails unless the server answered 200. */
    public ConversationRef newConversation(ContactRef contact) {
        JsonNode conversation = createConversation(contact, null).expect(200).json();
        return new ConversationRef(contact, conversation.path("id").asLong(), conversation.path("uuid").asText());
    }

    /** Posts a text message and returns its id; fails unless the server answered 200. */
    public long postMessage(ConversationRef conversation, String content) {
        return createMessage(conversation, Map.of("content", content)).expect(200).json().path("id").asLong();
    }

    // -----------------------------------------------------------------------------------------------------------

    private RequestSpecification contactRequest(ContactRef contact) {
        return request().pathParam("inbox", contact.inbox()).pathParam("contact", contact.sourceId());
    }

    private RequestSpecification conversationRequest(ConversationRef conversation) {
        return contactRequest(conversation.contact()).pathParam("conversation", conversation.id());
    }

    /** For operations that take no body: no Content-Type either (RestAssured would send form-urlencoded). */
    private static RequestSpecification withoutBody(RequestSpecification spec) {
        return spec.noContentType();
    }

    /**
     * A JSON body, or, for null, no body at all. A bodiless request is still labelled {@code application/json}, the
     * declared type: RestAssured shows its filters a form-urlencoded type for it otherwise, so the validator would
     * check a type that is not what the contract or the wire has.
     */
    private static RequestSpecification json(RequestSpecification spec, Object body) {
        if (body == null) {
            return spec.contentType("application/json");
        }
        if (body instanceof RawJson raw) {
            return spec.contentType("application/json").body(raw.text());
        }
        try {
            return spec.contentType("application/json").body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body sent exactly as written, e.g. one that is not parseable JSON. */
    public record RawJson(String text) {
    }

    private static ApiResponse call(String operation, Response response) {
        return new ApiResponse(operation, response);
    }
}
