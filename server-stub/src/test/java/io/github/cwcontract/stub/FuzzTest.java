package io.github.cwcontract.stub;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.eclipse.jetty.io.Connection;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.cwcontract.stub.Stub.OTHER;
import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.SECURE;
import static io.github.cwcontract.stub.Stub.SECURE_TOKEN;
import static io.github.cwcontract.stub.Stub.inboxPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests generated from the contract's operations, valid and deliberately broken (wrong JSON types, missing
 * fields, huge strings, unicode, odd path segments, malformed JSON, wrong content types, multipart bodies, methods
 * the path does not have), sent to one stub over one keep-alive connection pool. Every answer must conform to the
 * contract (request findings are ignored: the requests break it on purpose), no 5xx but Chatwoot's documented 500s
 * for exactly their inputs, and the state the accepted requests built must be what the server lists.
 */
class FuzzTest {
    private static final int TRIES = 10_000;
    private static final long SEED = 20260618L;
    /** Generous (10k requests take well under a minute) but finite: a hang fails the run instead of stalling CI. */
    private static final Duration BUDGET = Duration.ofMinutes(4);
    private static final int CHECK_EVERY = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Request findings become INFO: they are expected here, and tell whether the request matched an operation. */
    private static final OpenApiInteractionValidator VALIDATOR = Stub.validator(LevelResolver.create()
            .withLevel("validation.request", ValidationReport.Level.INFO));
    private static final String SIGN_ME = "sign me";
    private static final String NOT_FOUND = "{\"status\":404,\"error\":\"Not Found\"}";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final List<String> ODD_SEGMENTS = List.of("%00", "x%00y", "%2E%2E", "..", "%2e%2e%2f%2e%2e",
            "a%2Fb", "%E2%9C%93", "%F0%9F%92%A9", "%C3%28", "..%5C..", "%25", "%20", "-1", "0", "99999999999",
            "1e3", "1.5", "a;b=c", "%0A", "%FF", "x".repeat(3000), "null", "%7B%7D", "abc.json", "1.json");
    private static final List<String> UNICODE = List.of("héllo wörld", "日本語のテキスト", "🙂👍🏽👨‍👩‍👧", "\u202Eevil",
            "مرحبا", "\u0000nul", "tab\tnew\nline", "<script>alert(1)</script>&amp;", "\uFEFFbom", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗", "\\\"quoted\\\"", "");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/octet-stream", "multipart/form-data; boundary=nothing",
            "application/json; charset=ISO-8859-1", "application/vnd.api+json", "*/*", "garbage");

    enum Mutation {
        NONE, WRONG_TYPE, MISSING_FIELDS, HUGE_STRING, UNICODE, ODD_PATH_SEGMENT, UNKNOWN_ID, MALFORMED_JSON,
        WRONG_CONTENT_TYPE, NO_CONTENT_TYPE, MULTIPART, RANDOM_METHOD
    }

    /** One operation of the contract. */
    record Operation(String method, String path, String id, Schema<?> jsonBody, Map<String, Parameter> query,
                     Set<String> statuses) {
        boolean is(String... ids) {
            return List.of(ids).contains(id);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A contact session the fuzzer can address, and what it built. */
    static final class Session {
        final String inbox;
        final String sourceId;
        final List<Integer> conversations = new ArrayList<>();

        Session(String inbox, String sourceId) {
            this.inbox = inbox;
            this.sourceId = sourceId;
        }
    }

    /** A conversation, the session it was created through, and the ids of the messages accepted into it. */
    static final class Conversation {
        final int id;
        final String uuid;
        final Session owner;
        final Set<Integer> messages = new TreeSet<>();
        boolean resolved;

        Conversation(int id, String uuid, Session owner) {
            this.id = id;
            this.uuid = uuid;
            this.owner = owner;
        }
    }

    /** What is sent, and why. */
    record Sent(Operation operation, Mutation mutation, String method, String path, String contentType, byte[] body,
                Session session, Conversation conversation) {
        String bodyText() {
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return mutation + ": " + method + " " + path + " [" + contentType + "] "
                    + (text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    @RegisterExtension
    static final Stub stub = Stub.perClass(config -> config.withMessagesPerMinuteLimit(0));
    private static HttpClient client;
    private static List<Operation> operations;
    private static Map<String, String> hmacTokens;
    private static final List<Session> sessions = new ArrayList<>();
    private static final Map<Integer, Conversation> conversations = new LinkedHashMap<>();
    private static final Set<String> knownSourceIds = new HashSet<>();
    private static long deadline;
    /** Connections the server opened, and answers that announced closing theirs, since the fuzzing began. */
    private static final AtomicInteger connectionsOpened = new AtomicInteger();
    private static int closesAnnounced;
    private static String previous;
    private static int sentCount;
    private static final int[] statusCounts = new int[6];

    @BeforeAll
    static void setUp() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        operations = operations();
        hmacTokens = new LinkedHashMap<>();
        stub.server.inboxes().forEach(inbox -> hmacTokens.put(inbox.identifier, inbox.hmacToken));
        for (String inbox : List.of(PLAIN, PLAIN, OTHER)) {
            Session session = new Session(inbox, stub.anonymousContact(inbox));
            sessions.add(session);
            knownSourceIds.add(inbox + "/" + session.sourceId);
        }
        Session secure = new Session(SECURE, stub.createContact(SECURE, Map.of("identifier", "fuzz-secure",
                "identifier_hash", Stub.hmac(SECURE_TOKEN, "fuzz-secure"))));
        sessions.add(secure);
        knownSourceIds.add(SECURE + "/" + secure.sourceId);
        for (Session session : sessions) {
            int id = stub.createConversation(session.inbox, session.sourceId);
            String uuid = stub.api().get(Stub.conversationPath(session.inbox, session.sourceId, id)).path("uuid");
            Conversation conversation = new Conversation(id, uuid, session);
            conversation.messages.add(stub.sendMessage(session.inbox, session.sourceId, id, "seed"));
            conversations.put(id, conversation);
            session.conversations.add(id);
        }
        stub.server.connector().addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connectionsOpened.incrementAndGet();
            }
        });
        deadline = System.nanoTime() + BUDGET.toNanos();
    }

    @AfterAll
    static void printCounts() {
        System.out.printf("FuzzTest: %d requests, answers 1xx-5xx: %d %d %d %d %d, %d connections (%d closes"
                        + " announced), %d sessions, %d conversations, %d messages accepted%n", sentCount, statusCounts[1],
                statusCounts[2], statusCounts[3], statusCounts[4], statusCounts[5], connectionsOpened.get(),
                closesAnnounced, sessions.size(), conversations.size(),
                conversations.values().stream().mapToInt(c -> c.messages.size()).sum());
    }

    /** How often each kind of request is drawn: mostly valid ones, each kind of damage now and then. */
    private static final List<Mutation> MUTATION_WEIGHTS = weighted(Map.ofEntries(
            Map.entry(Mutation.NONE, 12), Map.entry(Mutation.WRONG_TYPE, 2), Map.entry(Mutation.MISSING_FIELDS, 1),
            Map.entry(Mutation.HUGE_STRING, 1), Map.entry(Mutation.UNICODE, 2), Map.entry(Mutation.ODD_PATH_SEGMENT, 2),
            Map.entry(Mutation.UNKNOWN_ID, 1), Map.entry(Mutation.MALFORMED_JSON, 2),
            Map.entry(Mutation.WRONG_CONTENT_TYPE, 1), Map.entry(Mutation.NO_CONTENT_TYPE, 1),
            Map.entry(Mutation.MULTIPART, 2), Map.entry(Mutation.RANDOM_METHOD, 2)));

    private static List<Mutation> weighted(Map<Mutation, Integer> weights) {
        List<Mutation> table = new ArrayList<>();
        for (Mutation mutation : Mutation.values()) {
            table.addAll(java.util.Collections.nCopies(weights.getOrDefault(mutation, 0), mutation));
        }
        return List.copyOf(table);
    }

    /**
     * The seed is fixed so that a failure reproduces (the message names the try); each try picks the operation
     * and the kind of damage, and its own seed drives the details. The server's state moves on with every try.
     */
    @Test
    void everyAnswerConformsAndOnlyDocumentedInputFailsWith500() throws Exception {
        Random tries = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            int operationIndex = tries.nextInt(operations.size());
            Mutation mutation = MUTATION_WEIGHTS.get(tries.nextInt(MUTATION_WEIGHTS.size()));
            long detail = tries.nextLong();
            try {
                fuzzOnce(operationIndex, mutation, detail);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("try " + i + " of seed " + SEED + " (" + mutation + "): " + e.getMessage(), e);
            }
        }
    }

    private static void fuzzOnce(int operationIndex, Mutation mutation, long detail) throws Exception {
        assertTrue(System.nanoTime() < deadline, "the fuzzer ran over its budget of " + BUDGET);
        Sent sent = build(operations.get(operationIndex), mutation, new Random(detail));
        HttpResponse<String> response = send(sent);
        // one connection, and a new one only after an answer said Connection: close: a connection the server closes
        // without saying so costs a client that reuses it its next request
        assertEquals(1 + closesAnnounced, connectionsOpened.get(), "the server closed the connection after " + previous
                + " without saying Connection: close");
        previous = sent + " -> " + response.statusCode();
        if (response.headers().allValues("Connection").stream().anyMatch(v -> v.equalsIgnoreCase("close"))) {
            closesAnnounced++;
        }
        sentCount++;
        statusCounts[response.statusCode() / 100]++;
        check(sent, response);
        record(sent, response);
        if (sentCount % CHECK_EVERY == 0) {
            assertStateConsistent();
        }
    }

    // building requests

    private static Sent build(Operation operation, Mutation mutation, Random random) throws Exception {
        Session session = sessions.get(random.nextInt(sessions.size()));
        Conversation conversation = session.conversations.isEmpty() ? null
                : conversations.get(session.conversations.get(random.nextInt(session.conversations.size())));
        String path = operation.path;
        List<String> params = new ArrayList<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([a-z_]+)}").matcher(path);
        while (names.find()) {
            params.add(names.group(1));
        }
        String odd = mutation == Mutation.ODD_PATH_SEGMENT && !params.isEmpty()
                ? params.get(random.nextInt(params.size())) : null;
        String unknown = mutation == Mutation.UNKNOWN_ID && !params.isEmpty()
                ? params.get(random.nextInt(params.size())) : null;
        for (String param : params) {
            String value;
            if (param.equals(odd)) {
                value = ODD_SEGMENTS.get(random.nextInt(ODD_SEGMENTS.size()));
            } else if (param.equals(unknown)) {
                value = param.endsWith("_id") ? String.valueOf(100_000 + random.nextInt(1_000_000))
                        : param.endsWith("uuid") ? java.util.UUID.randomUUID().toString() : "unknown-" + random.nextInt(1000);
            } else {
                value = switch (param) {
                    case "inbox_identifier" -> session.inbox;
                    case "contact_identifier" -> session.sourceId;
                    case "conversation_id" -> String.valueOf(conversation == null ? 1 : conversation.id);
                    case "conversation_uuid" -> conversation == null ? "none" : conversation.uuid;
                    case "message_id" -> conversation == null || conversation.messages.isEmpty() ? "1"
                            : String.valueOf(new ArrayList<>(conversation.messages)
                                    .get(random.nextInt(conversation.messages.size())));
                    default -> throw new IllegalStateException("unknown path parameter " + param);
                };
            }
            path = path.replace("{" + param + "}", value);
        }
        path += query(operation, session, random);

        String method = operation.method;
        if (mutation == Mutation.RANDOM_METHOD) {
            method = METHODS.get(random.nextInt(METHODS.size()));
        }
        String contentType = null;
        byte[] body = null;
        if (mutation == Mutation.MULTIPART) {
            String boundary = "fuzz" + random.nextInt(1_000_000);
            contentType = "multipart/form-data; boundary=" + boundary;
            body = multipart(boundary, random);
        } else if (operation.jsonBody != null && !method.equals("GET") && !method.equals("HEAD")) {
            Object value = value(operation.jsonBody, "", session, random, 0);
            if (value instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked") // value() builds every object as a Map<String, Object>
                Map<String, Object> object = (Map<String, Object>) value;
                value = mutate(operation.jsonBody, signed(object, session), mutation, random);
            }
            String text = JSON.writeValueAsString(value);
            if (mutation == Mutation.UNICODE && random.nextBoolean()) {
                // escapes Jackson never writes: lone surrogates and escaped control characters
                text = text.replaceFirst("\"([^\"]*)\"(\\s*[,}])", "\"\\\\ud800$1\\\\u0000\"$2");
            }
            if (mutation == Mutation.MALFORMED_JSON) {
                text = malformed(text, random);
            }
            contentType = "application/json";
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        if (mutation == Mutation.WRONG_CONTENT_TYPE) {
            contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            if (body == null) {
                body = "content=hi".getBytes(StandardCharsets.UTF_8);
            }
        } else if (mutation == Mutation.NO_CONTENT_TYPE) {
            contentType = null;
        }
        String sentMethod = method;
        Operation answering = operations.stream().filter(o -> o.method.equals(sentMethod) && o.path.equals(operation.path))
                .findFirst().orElse(operation);
        return new Sent(answering, mutation, method, path, contentType, body, session, conversation);
    }

    private static String query(Operation operation, Session session, Random random) {
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.query.values()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            String value = switch (parameter.getName()) {
                case "identifier" -> random.nextBoolean() ? "fuzz-secure" : string(random);
                case "identifier_hash" -> hash(session.inbox, "fuzz-secure", random);
                case "before" -> random.nextInt(4) == 0 ? "abc" : String.valueOf(random.nextInt(5000));
                default -> string(random);
            };
            query.append(query.isEmpty() ? "?" : "&").append(parameter.getName()).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** A value of the schema, with the contract's intent for the fields the server reads. */
    private static Object value(Schema<?> schema, String name, Session session, Random random, int depth) {
        switch (name) {
            case "email" -> {
                return random.nextInt(4) == 0 ? string(random) : "fuzz" + random.nextInt(1_000_000) + "@acme.inc";
            }
            case "phone_number" -> {
                return random.nextInt(4) == 0 ? string(random) : "+1415" + (1_000_000 + random.nextInt(9_000_000));
            }
            case "identifier_hash" -> {
                // completed once the identifier is known (see signed)
                return random.nextInt(4) == 0 ? SIGN_ME : hash(session.inbox, null, random);
            }
            case "rating" -> {
                return random.nextInt(8) - 1;
            }
            default -> {
                // handled by type below
            }
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return value(schema.getOneOf().get(random.nextInt(schema.getOneOf().size())), name, session, random, depth);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(random.nextInt(schema.getEnum().size()));
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                properties.forEach((key, property) -> {
                    if (required.contains(key) || random.nextInt(3) != 0) {
                        object.put(key, value(property, key, session, random, depth + 1));
                    }
                });
                if (properties.isEmpty() && depth < 3) {
                    for (int i = random.nextInt(3); i > 0; i--) {
                        object.put("k" + random.nextInt(100), random.nextBoolean() ? string(random) : random.nextInt(100));
                    }
                }
                yield object;
            }
            case "array" -> {
                List<Object> array = new ArrayList<>();
                for (int i = depth < 3 ? random.nextInt(3) : 0; i > 0; i--) {
                    array.add(value(schema.getItems(), name, session, random, depth + 1));
                }
                yield array;
            }
            case "integer" -> random.nextInt(2000);
            case "number" -> random.nextDouble() * 1000;
            case "boolean" -> random.nextBoolean();
            default -> string(random);
        };
    }

    /** The correct identifier_hash for the body's identifier, where the body asks for one. */
    private static Map<String, Object> signed(Map<String, Object> body, Session session) {
        if (SIGN_ME.equals(body.get("identifier_hash"))) {
            body.put("identifier_hash", Stub.hmac(hmacTokens.get(session.inbox),
                    body.get("identifier") instanceof String identifier ? identifier : ""));
        }
        return body;
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse("string");
        }
        return schema.getProperties() != null ? "object" : "string";
    }

    /** A correct hash (of the identifier, or of "" without one) now and then, else blank or wrong. */
    private static String hash(String inbox, String identifier, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Stub.hmac(hmacTokens.get(inbox), identifier == null ? "" : identifier);
            case 1 -> "";
            case 2 -> "0".repeat(64);
            default -> string(random);
        };
    }

    private static String string(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> UNICODE.get(random.nextInt(UNICODE.size()));
            case 1 -> "";
            default -> "s" + random.nextInt(100_000);
        };
    }

    private static Map<String, Object> mutate(Schema<?> schema, Map<String, Object> body, Mutation mutation,
                                             Random random) {
        List<String> keys = new ArrayList<>(schema.getProperties() == null ? Set.of() : schema.getProperties().keySet());
        if (keys.isEmpty()) {
            return body;
        }
        String key = keys.get(random.nextInt(keys.size()));
        switch (mutation) {
            case WRONG_TYPE -> body.put(key, List.of(5, "five", true, List.of("a", 1), Map.of("x", List.of()),
                    -1.5e300, false, Long.MAX_VALUE).get(random.nextInt(8)));
            case MISSING_FIELDS -> {
                if (random.nextBoolean()) {
                    body.clear();
                } else {
                    body.remove(key);
                }
            }
            case HUGE_STRING -> body.put(key, (random.nextBoolean() ? "x" : "🙂").repeat(150_001 + random.nextInt(100_000)));
            case UNICODE -> body.put(key, UNICODE.get(random.nextInt(UNICODE.size())));
            default -> {
                // the others leave the body alone
            }
        }
        if (random.nextInt(20) == 0) {
            // the JSON form of the multipart attachments: Chatwoot fails on any non-blank value
            body.put("attachments", List.of(List.of(), List.of("file"), "", "x", " ", 5, Map.of(), false, true)
                    .get(random.nextInt(9)));
        }
        return body;
    }

    private static String malformed(String json, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 1 -> json + " trailing";
            case 2 -> "{'single': 'quotes'}";
            case 3 -> "{\"a\": " + "[".repeat(3000);
            case 4 -> "";
            default -> "\u0000\u00ff garbage";
        };
    }

    private static byte[] multipart(String boundary, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int parts = random.nextInt(4); parts >= 0; parts--) {
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            switch (random.nextInt(4)) {
                case 0 -> out.writeBytes(("Content-Disposition: form-data; name=\"content\"\r\n\r\n"
                        + UNICODE.get(random.nextInt(UNICODE.size()))).getBytes(StandardCharsets.UTF_8));
                case 1 -> out.writeBytes(("Content-Disposition: form-data; name=\"echo_id\"\r\n\r\n"
                        + random.nextInt()).getBytes(StandardCharsets.UTF_8));
                case 2 -> out.writeBytes(("Content-Disposition: form-data; name=\"attachments[]\"\r\n\r\n"
                        + "not a file").getBytes(StandardCharsets.UTF_8));
                default -> {
                    byte[] file = new byte[random.nextInt(64)];
                    random.nextBytes(file);
                    out.writeBytes(("Content-Disposition: form-data; name=\"attachments[]\"; filename=\""
                            + List.of("a.png", "ü.txt", "x", "..%2F.pdf").get(random.nextInt(4)) + "\"\r\n"
                            + "Content-Type: " + List.of("image/png", "text/plain", "application/pdf", "video/mp4")
                            .get(random.nextInt(4)) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(file);
                }
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + (random.nextInt(10) == 0 ? "" : "--") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static HttpResponse<String> send(Sent sent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub.server.baseUri() + sent.path))
                .timeout(Duration.ofSeconds(30))
                .method(sent.method, sent.body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(sent.body));
        if (sent.contentType != null) {
            request.header("Content-Type", sent.contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // checking answers

    private static void check(Sent sent, HttpResponse<String> response) throws Exception {
        int status = response.statusCode();
        String why = sent + " -> " + status + " " + abbreviated(response.body());
        boolean isOperation = operations.stream().anyMatch(o -> o.method.equals(sent.method)
                && o.path.equals(sent.operation.path));
        Operation get = operations.stream().filter(o -> o.method.equals("GET") && o.path.equals(sent.operation.path))
                .findFirst().orElse(null);
        if (sent.method.equals("HEAD") && get != null) {
            // Rails routes HEAD as GET and drops the body, so the GET's answers (and its 500s) without a body
            assertTrue(get.statuses.contains(String.valueOf(status)), why + ": not an answer of " + get);
            assertEquals("", response.body(), why);
            checkStatus(new Sent(get, sent.mutation, "GET", sent.path, sent.contentType, sent.body, sent.session,
                    sent.conversation), status, why);
            return;
        }
        if (!isOperation) {
            assertNotFound(sent, response, why);
            return;
        }
        if (sent.operation.is("getCsatSurveyPage") && sent.path.contains("%00")) {
            // Jetty refuses a NUL in the path before any routing, so the stub cannot tell that it was the HTML
            // page's path: it answers the API's JSON 404 where the contract has the HTML PageNotFound
            assertNotFound(sent, response, why);
            return;
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(sent.method, sent.path.replaceFirst("\\?.*", ""));
        if (sent.contentType != null) {
            request.withContentType(sent.contentType);
        }
        if (sent.body != null) {
            request.withBody(sent.bodyText());
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status).withBody(response.body());
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        ValidationReport report = VALIDATOR.validate(request.build(), answer.build());
        List<ValidationReport.Message> findings = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR || m.getLevel() == ValidationReport.Level.WARN)
                .toList();
        assertTrue(findings.isEmpty(), why + " breaks the contract: " + findings);
        if (report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing"))) {
            // a segment the validator does not match to the operation (e.g. %2F): its answer was not checked
            assertNotFound(sent, response, why);
        }

        checkStatus(sent, status, why);
    }

    private static void checkStatus(Sent sent, int status, String why) {
        String cause = documented500(sent);
        if (status >= 500) {
            assertEquals(500, status, why);
            assertTrue(cause != null, why + ": a 500 for input Chatwoot does not fail on");
        }
        if (sent.mutation == Mutation.NONE && cause != null && reachesTheCheck(sent)) {
            assertEquals(500, status, why + ": Chatwoot answers 500 here (" + cause + ")");
        }
        if (status == 200 && cause != null) {
            throw new AssertionError(why + ": accepted although " + cause);
        }
    }

    /**
     * A method or path the contract does not have: the contract's 404 (HEAD without its body; a CORS preflight is
     * never sent, since it would carry Access-Control-Request-Method).
     */
    private static void assertNotFound(Sent sent, HttpResponse<String> response, String why) {
        assertEquals(404, response.statusCode(), why);
        assertEquals(sent.method.equals("HEAD") ? "" : NOT_FOUND, response.body(), why);
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""), why);
    }

    /**
     * Why Chatwoot would answer 500 to this request, or null: its three documented failures. The request may still
     * fail earlier (404, 400, 422), so a cause allows a 500 rather than demanding one.
     */
    private static String documented500(Sent sent) {
        Operation operation = sent.operation;
        JsonNode body = parsedJsonObject(sent);
        if (operation.is("createContact", "updateContact", "updateContactViaPut", "getContact")) {
            JsonNode identifier;
            JsonNode hash;
            if (operation.is("getContact")) {
                Map<String, String> query = queryOf(sent.path);
                identifier = query.containsKey("identifier") ? JSON.getNodeFactory().textNode(query.get("identifier")) : null;
                hash = query.containsKey("identifier_hash") ? JSON.getNodeFactory().textNode(query.get("identifier_hash")) : null;
            } else if (unread(sent)) {
                identifier = null;
                hash = null;
            } else if (body == null) {
                return null; // refused before identity validation (400, 422)
            } else {
                identifier = body.get("identifier");
                hash = body.get("identifier_hash");
            }
            String inbox = sent.path.replaceFirst("^/public/api/v1/inboxes/([^/?]*).*", "$1");
            String token = hmacTokens.get(inbox);
            boolean hashGiven = hash != null && hash.isTextual() && !hash.asText().isBlank();
            boolean mandatory = SECURE.equals(inbox);
            if (token == null || (!hashGiven && !mandatory)) {
                return null;
            }
            String message = identifier == null || identifier.isNull() ? "" : identifier.asText();
            boolean valid = hash != null && hash.isTextual() && Stub.hmac(token, message).equals(hash.asText());
            return valid ? null : "identity validation fails";
        }
        if (operation.is("createMessage") && sent.contentType != null) {
            if (sent.contentType.startsWith("application/json") && body != null) {
                JsonNode attachments = body.get("attachments");
                return attachments == null || railsBlank(attachments) ? null : "attachments in a JSON body";
            }
            if (sent.contentType.startsWith("multipart/form-data") && sent.bodyText().contains(
                    "name=\"attachments[]\"\r\n\r\n")) {
                return "a string in attachments[]";
            }
        }
        if (operation.is("updateCsatSurvey", "updateCsatSurveyViaPatch")
                && (unread(sent) || body != null && !body.path("message").isObject())) {
            return "a CSAT update without message";
        }
        return null;
    }

    /** A request without a body, or whose body the server does not read (no Content-Type, as Rails). */
    private static boolean unread(Sent sent) {
        return sent.body == null || sent.body.length == 0 || sent.contentType == null;
    }

    /** Rails' blank?: nil, false, whitespace-only strings and empty collections. */
    private static boolean railsBlank(JsonNode value) {
        return value.isNull() || value.isBoolean() && !value.asBoolean()
                || value.isTextual() && value.asText().isBlank() || value.isContainerNode() && value.isEmpty();
    }

    /** Whether a well-formed request reaches the check that fails: the inbox, session and survey exist. */
    private static boolean reachesTheCheck(Sent sent) {
        if (sent.operation.is("updateCsatSurvey", "updateCsatSurveyViaPatch")) {
            return sent.conversation != null && sent.conversation.resolved;
        }
        return true;
    }

    private static JsonNode parsedJsonObject(Sent sent) {
        // media type parameters (e.g. a charset) do not stop the server, like Rails, from reading the body as JSON
        if (sent.body == null || sent.contentType == null
                || !sent.contentType.split(";")[0].trim().equalsIgnoreCase("application/json")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(sent.body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static Map<String, String> queryOf(String path) {
        Map<String, String> query = new LinkedHashMap<>();
        int start = path.indexOf('?');
        if (start >= 0) {
            for (String pair : path.substring(start + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    // following the state

    private static void record(Sent sent, HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 200 || !sent.method.equals(sent.operation.method)) {
            return;
        }
        Operation operation = sent.operation;
        if (operation.is("createContact") && sessions.size() < 40) {
            String sourceId = JSON.readTree(response.body()).path("source_id").asText();
            String inbox = sent.path.replaceFirst("^/public/api/v1/inboxes/([^/?]*).*", "$1");
            // a given source_id may be anything; only those usable as a plain path segment (and in a URL of a size
            // servers take) are addressed later
            if (knownSourceIds.add(inbox + "/" + sourceId) && sourceId.matches("[A-Za-z0-9_-]{1,200}")) {
                sessions.add(new Session(inbox, sourceId));
            }
        } else if (operation.is("createConversation")) {
            JsonNode created = JSON.readTree(response.body());
            Conversation conversation = new Conversation(created.path("id").asInt(), created.path("uuid").asText(),
                    sent.session);
            conversations.put(conversation.id, conversation);
            sent.session.conversations.add(conversation.id);
        } else if (operation.is("createMessage")) {
            conversation(sent).messages.add(JSON.readTree(response.body()).path("id").asInt());
        } else if (operation.is("toggleConversationStatus")) {
            conversation(sent).resolved = true;
        }
    }

    /** The conversation an accepted request addressed, which must be one the fuzzer knows. */
    private static Conversation conversation(Sent sent) {
        String id = sent.path.replaceFirst(".*/conversations/([^/?]+).*", "$1").replaceFirst("\\.json$", "");
        Conversation conversation = id.matches("\\d+") ? conversations.get(Integer.parseInt(id)) : null;
        assertTrue(conversation != null, sent + " was accepted for a conversation nobody created");
        return conversation;
    }

    /**
     * Every conversation holds exactly the messages the fuzzer's accepted creates were answered with (plus one
     * CSAT survey once resolved), paged back to the first; every session lists the conversations created through it.
     */
    private static void assertStateConsistent() throws Exception {
        for (Conversation conversation : conversations.values()) {
            Session owner = conversation.owner;
            String messages = Stub.conversationPath(owner.inbox, owner.sourceId, conversation.id) + "/messages";
            List<JsonNode> history = new ArrayList<>();
            String query = "";
            while (true) {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                        URI.create(stub.server.baseUri() + messages + query)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), messages + query + ": " + page.body());
                Stub.assertConforms("GET", messages, null, page);
                JsonNode list = JSON.readTree(page.body());
                for (int i = list.size() - 1; i >= 0; i--) {
                    history.add(0, list.get(i));
                }
                if (list.size() < 20) {
                    break;
                }
                query = "?before=" + list.get(0).path("id").asInt();
            }
            Set<Integer> stored = new TreeSet<>();
            int surveys = 0;
            for (JsonNode message : history) {
                if (message.path("content_type").asText().equals("input_csat")) {
                    surveys++;
                } else {
                    assertTrue(stored.add(message.path("id").asInt()), "listed once: " + message);
                }
            }
            assertEquals(conversation.messages, stored, "conversation " + conversation.id + " holds what was accepted");
            assertEquals(conversation.resolved ? 1 : 0, surveys, "conversation " + conversation.id + "'s surveys");
        }
        for (Session session : sessions) {
            String path = inboxPath(session.inbox) + "/contacts/" + session.sourceId + "/conversations";
            HttpResponse<String> listed = client.send(HttpRequest.newBuilder(URI.create(stub.server.baseUri() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, listed.statusCode(), path + ": " + listed.body());
            Stub.assertConforms("GET", path, null, listed);
            Set<Integer> ids = new HashSet<>();
            JSON.readTree(listed.body()).forEach(c -> ids.add(c.path("id").asInt()));
            assertTrue(ids.containsAll(session.conversations), path + " lists " + ids + ", created " + session.conversations);
            assertTrue(conversations.keySet().containsAll(ids), path + " lists conversations nobody created: " + ids);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static List<Operation> operations() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(Stub.spec(), null, options).getOpenAPI();
        List<Operation> found = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Schema<?> body = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                    || operation.getRequestBody().getContent().get("application/json") == null ? null
                    : operation.getRequestBody().getContent().get("application/json").getSchema();
            Map<String, Parameter> query = new LinkedHashMap<>();
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                parameters.addAll(operation.getParameters());
            }
            parameters.stream().filter(p -> "query".equals(p.getIn())).forEach(p -> query.put(p.getName(), p));
            found.add(new Operation(method.name(), path, operation.getOperationId(), body, query,
                    operation.getResponses().keySet()));
        }));
        assertTrue(found.size() >= 19, "the contract's operations: " + found);
        return found;
    }
}
