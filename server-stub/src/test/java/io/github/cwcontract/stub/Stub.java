package io.github.cwcontract.stub;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A stub server started in-process on a free port, with RestAssured request specifications whose every exchange is
 * validated against the contract (openapi.yaml from the classpath). A test class shares one through
 * {@code @RegisterExtension static final Stub stub = Stub.perClass();}, started before the class's {@code @BeforeAll}
 * methods and stopped after its {@code @AfterAll} methods; a test that needs a server of its own uses {@link #start()}.
 */
final class Stub implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    static final String PLAIN = "plain-inbox";
    static final String PLAIN_TOKEN = "plainToken1234567890abcd";
    static final String OTHER = "other-inbox";
    static final String SECURE = "secure-inbox";
    static final String SECURE_TOKEN = "secureToken1234567890xyz";
    /** Milliseconds on purpose: ISO timestamps must show them. */
    static final Instant START = Instant.parse("2026-06-18T09:10:02.345Z");

    private static final String SPEC = loadSpec();
    /** Validates requests and responses: for calls the contract allows. */
    private static final OpenApiInteractionValidator STRICT_VALIDATOR = validator(LevelResolver.create()
            // the contract's request schemas are open (servers ignore unknown keys); the validator would close them
            .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE));
    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(STRICT_VALIDATOR);
    /** Validates responses only: for requests that break the contract on purpose. */
    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(validator(
            LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE)));

    final MutableClock clock = new MutableClock(START);
    private final UnaryOperator<StubConfig> customize;
    StubServer server;

    private Stub(UnaryOperator<StubConfig> customize) {
        this.customize = customize;
    }

    static Stub perClass() {
        return perClass(UnaryOperator.identity());
    }

    static Stub perClass(UnaryOperator<StubConfig> customize) {
        return new Stub(customize);
    }

    static Stub start() throws Exception {
        return start(UnaryOperator.identity());
    }

    static Stub start(UnaryOperator<StubConfig> customize) throws Exception {
        Stub stub = new Stub(customize);
        stub.startServer();
        return stub;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startServer();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private void startServer() throws Exception {
        StubConfig config = StubConfig.defaults()
                .withPort(0)
                .withClock(clock)
                .withInboxes(List.of(
                        new StubConfig.InboxSpec(PLAIN, PLAIN_TOKEN, false),
                        StubConfig.InboxSpec.plain(OTHER),
                        StubConfig.InboxSpec.hmacMandatory(SECURE, SECURE_TOKEN)));
        server = StubServer.start(customize.apply(config));
    }

    /** A request whose request and response must both conform to the contract. */
    RequestSpecification api() {
        return unvalidated().filter(STRICT);
    }

    /** A request that breaks the contract on purpose; the response must still conform. */
    RequestSpecification offContract() {
        return unvalidated().filter(RESPONSES_ONLY);
    }

    /** A request to something the contract does not describe (unknown paths, files, the contract itself). */
    RequestSpecification unvalidated() {
        return RestAssured.given().baseUri(server.baseUri().toString());
    }

    /**
     * A POST without a body. RestAssured would label it as a form, which the contract does not offer; real clients
     * send no Content-Type (see CompatibilityTest) or JSON's.
     */
    RequestSpecification bodyless(RequestSpecification request) {
        return request.contentType(ContentType.JSON);
    }

    static String inboxPath(String inbox) {
        return "/public/api/v1/inboxes/" + inbox;
    }

    /** Creates a contact session and returns its source_id. */
    String createContact(String inbox, Map<String, ?> body) {
        return api().contentType(ContentType.JSON).body(body)
                .post(inboxPath(inbox) + "/contacts")
                .then().statusCode(200).extract().path("source_id");
    }

    String anonymousContact(String inbox) {
        return createContact(inbox, Map.of());
    }

    /** Creates a conversation and returns its display id. */
    int createConversation(String inbox, String sourceId) {
        return bodyless(api()).post(inboxPath(inbox) + "/contacts/" + sourceId + "/conversations")
                .then().statusCode(200).extract().path("id");
    }

    static String conversationPath(String inbox, String sourceId, int conversationId) {
        return inboxPath(inbox) + "/contacts/" + sourceId + "/conversations/" + conversationId;
    }

    /** Posts a text message and returns its id. */
    int sendMessage(String inbox, String sourceId, int conversationId, String content) {
        return api().contentType(ContentType.JSON).body(Map.of("content", content))
                .post(conversationPath(inbox, sourceId, conversationId) + "/messages")
                .then().statusCode(200).extract().path("id");
    }

    /**
     * Validates an exchange made with the JDK's HTTP client against the contract, as the RestAssured filter does.
     *
     * @param requestBody the JSON sent, or null for none
     */
    static void assertConforms(String method, String path, String requestBody, HttpResponse<String> response) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        if (requestBody != null) {
            request.withContentType("application/json").withBody(requestBody);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode())
                .withBody(response.body());
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        ValidationReport report = STRICT_VALIDATOR.validate(request.build(), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError(method + " " + path + " breaks the contract: " + report);
        }
    }

    static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String spec() {
        return SPEC;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    /** Response schemas stay closed (the validator's default): the stub must send no key the contract lacks. */
    static OpenApiInteractionValidator validator(LevelResolver.Builder levels) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(SPEC)
                .withLevelResolver(levels.build())
                .build();
    }

    private static String loadSpec() {
        String resource = System.getProperty("contract.spec.resource", "chatwoot-public-api/openapi.yaml");
        try (InputStream in = Stub.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
