package io.github.cwcontract.conformance.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.conformance.api.ContactRef;
import io.github.cwcontract.conformance.api.ConversationRef;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.cwcontract.conformance.junit.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Messages: create (JSON and multipart), list, page, submit values")
class MessageLifecycleTest {

    private static final int PAGE_SIZE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationRef conversation;
    /** Ids of the messages this class posted, in posting order. */
    private final List<Long> posted = new ArrayList<>();
    private Long textMessageId;

    @Test
    @Order(1)
    @DisplayName("createMessage (JSON) returns an incoming message from the contact")
    void createText(PublicApi api) {
        ContactRef contact = api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique()));
        conversation = api.newConversation(contact);
        String content = "Hello " + TestData.unique();
        JsonNode message = api.createMessage(conversation, Map.of("content", content, "echo_id", "tmp-1"))
                .expect(200).json();

        assertEquals(content, message.path("content").asText(), "content");
        assertEquals(0, message.path("message_type").asInt(), "message_type (0 = incoming)");
        assertEquals(conversation.id(), message.path("conversation_id").asLong(), "conversation_id");
        assertEquals("contact", message.path("sender").path("type").asText(), "sender.type");
        assertEquals(contact.id(), message.path("sender").path("id").asLong(), "sender.id");
        textMessageId = message.path("id").asLong();
        posted.add(textMessageId);
    }

    @Test
    @Order(2)
    @DisplayName("createMessage (multipart) stores an attachments[] file part as an image attachment")
    void createWithAttachment(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation of step 1");
        JsonNode message = api.createMessageWithFile(created, "Here is the screenshot", "pixel.png",
                TestData.pixelPng(), "image/png").expect(200).json();

        JsonNode attachments = message.path("attachments");
        assertEquals(1, attachments.size(), "number of attachments");
        assertEquals("image", attachments.get(0).path("file_type").asText(), "attachments[0].file_type");
        assertEquals(message.path("id").asLong(), attachments.get(0).path("message_id").asLong(),
                "attachments[0].message_id");
        posted.add(message.path("id").asLong());
    }

    @Test
    @Order(3)
    @DisplayName("listMessages returns both messages, oldest first")
    void list(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation of step 1");
        List<Long> ids = page(api, created, null);

        assertEquals(posted, ids.stream().filter(posted::contains).toList(), "the posted messages, in posting order");
    }

    @Test
    @Order(4)
    @DisplayName("listMessages pages by 20 with before, ascending within each page")
    void paging(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation of step 1");
        while (posted.size() < PAGE_SIZE + 6) {
            posted.add(api.postMessage(created, "Message " + (posted.size() + 1)));
        }
        int olderCount = posted.size() - PAGE_SIZE;

        List<Long> latest = page(api, created, null);
        assertEquals(posted.subList(olderCount, posted.size()), latest, "the latest page (the last 20 messages)");

        long before = latest.get(0);
        List<Long> older = page(api, created, before);
        assertTrue(older.stream().allMatch(id -> id < before), "page before " + before + " has later ids: " + older);
        assertTrue(older.size() >= olderCount && older.subList(older.size() - olderCount, older.size())
                        .equals(posted.subList(0, olderCount)),
                "page before " + before + " should end with " + posted.subList(0, olderCount) + " but is " + older);

        List<Long> oldest = page(api, created, posted.get(0));
        assertTrue(oldest.stream().noneMatch(posted::contains),
                "page before the first message " + posted.get(0) + " holds later messages: " + oldest);
    }

    @Test
    @Order(5)
    @DisplayName("updateMessage (PATCH) stores submitted_values, visible in the list")
    void submitValues(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation of step 1");
        long id = require(textMessageId, "the message of step 1");
        List<Map<String, String>> choice = List.of(Map.of("title", "Billing", "value", "billing"));
        JsonNode message = api.updateMessage(Verb.PATCH, created, id, Map.of("submitted_values", choice))
                .expect(200).json();

        assertEquals(JSON.valueToTree(choice), message.path("content_attributes").path("submitted_values"),
                "content_attributes.submitted_values in the response");
        assertEquals(JSON.valueToTree(choice), storedSubmittedValues(api, created, id),
                "content_attributes.submitted_values read back");
    }

    @Test
    @Order(6)
    @DisplayName("updateMessageViaPut replaces submitted_values like PATCH")
    void submitValuesViaPut(PublicApi api) {
        ConversationRef created = require(conversation, "the conversation of step 1");
        long id = require(textMessageId, "the message of step 1");
        List<Map<String, String>> form = List.of(Map.of("name", "order", "value", "A-1042"));
        JsonNode message = api.updateMessage(Verb.PUT, created, id, Map.of("submitted_values", form))
                .expect(200).json();

        assertEquals(JSON.valueToTree(form), message.path("content_attributes").path("submitted_values"),
                "content_attributes.submitted_values in the response");
        assertEquals(JSON.valueToTree(form), storedSubmittedValues(api, created, id),
                "content_attributes.submitted_values read back");
    }

    /** The ids of one page, after checking the page's size limit and its ascending order. */
    private static List<Long> page(PublicApi api, ConversationRef conversation, Long before) {
        JsonNode page = api.listMessages(conversation, before).expect(200).json();
        List<Long> ids = new ArrayList<>();
        List<String> order = new ArrayList<>();
        boolean ascending = true;
        long previousCreatedAt = Long.MIN_VALUE;
        for (JsonNode message : page) {
            long createdAt = message.path("created_at").asLong();
            ascending &= createdAt >= previousCreatedAt;
            previousCreatedAt = createdAt;
            ids.add(message.path("id").asLong());
            order.add(message.path("id").asLong() + " at " + createdAt);
        }
        assertTrue(ascending, "messages are not in ascending created_at order: " + order);
        assertTrue(ids.size() <= PAGE_SIZE, "a page holds " + ids.size() + " messages, more than " + PAGE_SIZE);
        return ids;
    }

    /** Reads the message back from the list: the page before the message posted right after it ends with it. */
    private JsonNode storedSubmittedValues(PublicApi api, ConversationRef conversation, long id) {
        int index = posted.indexOf(id);
        Long next = index + 1 < posted.size() ? posted.get(index + 1) : null;
        for (JsonNode message : api.listMessages(conversation, next).expect(200).json()) {
            if (message.path("id").asLong() == id) {
                return message.path("content_attributes").path("submitted_values");
            }
        }
        throw new AssertionError("message " + id + " is not in the page before " + next);
    }
}
