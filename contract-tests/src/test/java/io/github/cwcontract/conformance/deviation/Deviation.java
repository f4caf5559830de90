package io.github.cwcontract.conformance.deviation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cwcontract.conformance.api.Hmac;
import io.github.cwcontract.conformance.deployment.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways a server can break the contract, each with the check of the suite that must fail and what its failure
 * message must say.
 */
enum Deviation {

    WRONG_TYPE("a wrong type: contact_last_seen_at as an ISO string",
            "createConversation returns an active conversation", "validation.response.body.schema.type") {
        @Override
        Rewrite rewrite(Target reference) {
            return responseJson(Deviation::isConversationPath, json -> forEachObject(json, o -> {
                if (o.path("contact_last_seen_at").isNumber()) {
                    o.put("contact_last_seen_at", "2026-06-18T09:12:44.000Z");
                }
            }));
        }
    },

    MISSING_REQUIRED_KEY("a missing required key: no pubsub_token in the contact session",
            "createContact returns a new session", "validation.response.body.schema.required") {
        @Override
        Rewrite rewrite(Target reference) {
            return responseJson(path -> CONTACT.matcher(path).matches() || CONTACTS.matcher(path).matches(),
                    json -> forEachObject(json, o -> o.remove("pubsub_token")));
        }
    },

    UNDOCUMENTED_STATUS("an undocumented status: 201 for a created conversation",
            "createConversation returns an active conversation", "validation.response.status.unknown") {
        @Override
        Rewrite rewrite(Target reference) {
            return new Rewrite() {
                @Override
                public void response(Request request, Response response) {
                    if ("POST".equals(request.method) && CONVERSATIONS.matcher(request.path).matches()
                            && response.status == 200) {
                        response.status = 201;
                    }
                }
            };
        }
    },

    WRONG_CONTENT_TYPE("a wrong content type: text/plain for the inbox",
            "getInbox returns the inbox", "validation.response.contentType.notAllowed") {
        @Override
        Rewrite rewrite(Target reference) {
            return new Rewrite() {
                @Override
                public void response(Request request, Response response) {
                    if (INBOX.matcher(request.path).matches()) {
                        response.contentType = "text/plain";
                    }
                }
            };
        }
    },

    RESOLVE_IGNORED("a state change that does not happen: toggle_status leaves the conversation open",
            "toggleConversationStatus resolves it", "status in the toggleConversationStatus response") {
        @Override
        Rewrite rewrite(Target reference) {
            return new Rewrite() {
                @Override
                public void request(Request request) {
                    if (request.path.endsWith("/toggle_status")) {
                        request.method = "GET";
                        request.path = request.path.substring(0, request.path.length() - "/toggle_status".length());
                    }
                }
            };
        }
    },

    MESSAGES_REVERSED("a wrong list order: messages newest first",
            "listMessages returns both messages, oldest first", "order") {
        @Override
        Rewrite rewrite(Target reference) {
            return responseJson(path -> MESSAGES.matcher(path).matches(), json -> {
                if (json.isArray()) {
                    List<JsonNode> items = new ArrayList<>();
                    json.forEach(items::add);
                    ((ArrayNode) json).removeAll();
                    for (int i = items.size() - 1; i >= 0; i--) {
                        ((ArrayNode) json).add(items.get(i));
                    }
                }
            });
        }
    },

    PAGING_IGNORED("ignored paging: before is dropped",
            "listMessages pages by 20 with before", "page before") {
        @Override
        Rewrite rewrite(Target reference) {
            return new Rewrite() {
                @Override
                public void request(Request request) {
                    if (MESSAGES.matcher(request.path).matches()) {
                        request.query = null;
                    }
                }
            };
        }
    },

    CONVERSATION_LEAK("a leak: any contact session reaches any conversation",
            "getConversation answers 404 to another contact", "expected 404") {
        @Override
        Rewrite rewrite(Target reference) {
            Map<String, String> owners = new ConcurrentHashMap<>();
            return new Rewrite() {
                @Override
                public void request(Request request) {
                    Matcher m = IN_CONVERSATION.matcher(request.path);
                    if (m.matches() && owners.containsKey(m.group(3))) {
                        request.path = m.group(1) + owners.get(m.group(3)) + m.group(2) + m.group(3) + m.group(4);
                    }
                }

                @Override
                public void response(Request request, Response response) {
                    Matcher m = CONVERSATIONS_OF_CONTACT.matcher(request.path);
                    if ("POST".equals(request.method) && m.matches() && response.status == 200) {
                        owners.put(json(response.body).path("id").asText(), m.group(1));
                    }
                }
            };
        }
    },

    HMAC_NOT_ENFORCED("identity validation not enforced: any or no identifier_hash is accepted",
            "Identity validation (HMAC) › createContact answers 500 without identifier_hash", "expected 500") {
        @Override
        Rewrite rewrite(Target reference) {
            String prefix = "/public/api/v1/inboxes/" + reference.hmacInbox() + "/contacts";
            return new Rewrite() {
                @Override
                public void request(Request request) {
                    if (!request.path.startsWith(prefix)) {
                        return;
                    }
                    if ("GET".equals(request.method)) {
                        String identifier = queryValue(request.query, "identifier");
                        request.query = "identifier=" + encode(identifier) + "&identifier_hash="
                                + Hmac.identifierHash(reference.hmacToken(), identifier);
                    } else {
                        ObjectNode body = request.body.length == 0 ? MAPPER.createObjectNode() : (ObjectNode) json(request.body);
                        body.put("identifier_hash",
                                Hmac.identifierHash(reference.hmacToken(), body.path("identifier").asText("")));
                        request.body = bytes(body);
                        request.contentType = "application/json";
                    }
                }
            };
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASE = "/public/api/v1/inboxes/[^/]+";
    private static final Pattern INBOX = Pattern.compile(BASE);
    private static final Pattern CONTACTS = Pattern.compile(BASE + "/contacts");
    private static final Pattern CONTACT = Pattern.compile(BASE + "/contacts/[^/]+");
    private static final Pattern CONVERSATIONS = Pattern.compile(BASE + "/contacts/[^/]+/conversations");
    private static final Pattern CONVERSATIONS_OF_CONTACT = Pattern.compile(BASE + "/contacts/([^/]+)/conversations");
    private static final Pattern MESSAGES = Pattern.compile(BASE + "/contacts/[^/]+/conversations/[^/]+/messages");
    /** Groups: the path up to the contact, the part up to the conversation id, the id, the rest. */
    private static final Pattern IN_CONVERSATION =
            Pattern.compile("(" + BASE + "/contacts/)[^/]+(/conversations/)([^/]+)(.*)");

    private final String description;
    private final String failingCheck;
    private final String expectedMessage;

    Deviation(String description, String failingCheck, String expectedMessage) {
        this.description = description;
        this.failingCheck = failingCheck;
        this.expectedMessage = expectedMessage;
    }

    /** How the proxy produces this deviation in front of the reference server described by {@code reference}. */
    abstract Rewrite rewrite(Target reference);

    /** A fragment of the full name of the check that must fail. */
    String failingCheck() {
        return failingCheck;
    }

    /** A fragment its failure message must contain. */
    String expectedMessage() {
        return expectedMessage;
    }

    @Override
    public String toString() {
        return description;
    }

    private static boolean isConversationPath(String path) {
        return path.matches(BASE + "/contacts/[^/]+/conversations(/[^/]+(/toggle_status)?)?");
    }

    private static Rewrite responseJson(Predicate<String> paths, Consumer<JsonNode> change) {
        return new Rewrite() {
            @Override
            public void response(Request request, Response response) {
                if (paths.test(request.path) && response.body.length > 0
                        && response.contentType != null && response.contentType.contains("json")) {
                    JsonNode json = json(response.body);
                    change.accept(json);
                    response.body = bytes(json);
                }
            }
        };
    }

    private static void forEachObject(JsonNode json, Consumer<ObjectNode> change) {
        if (json.isObject()) {
            change.accept((ObjectNode) json);
        }
        json.forEach(child -> forEachObject(child, change));
    }

    private static String queryValue(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(name) && kv.length == 2) {
                    return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode json(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
