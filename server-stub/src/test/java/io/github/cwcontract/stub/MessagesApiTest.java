package io.github.cwcontract.stub;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesApiTest {
    @RegisterExtension
    static final Stub stub = Stub.perClass();

    /** A fresh session with one conversation: the path of its messages. */
    private static String newConversationMessages() {
        String sourceId = stub.createContact(PLAIN, Map.of("name", "Messenger", "email", "messenger@acme.inc"));
        return conversationPath(PLAIN, sourceId, stub.createConversation(PLAIN, sourceId)) + "/messages";
    }

    @Test
    void createsAnIncomingTextMessageFromTheContactWithoutEchoingEchoId() {
        String messages = newConversationMessages();
        stub.api().contentType(ContentType.JSON).body(Map.of("content", "Hello <world> & co", "echo_id", "tmp-1"))
                .post(messages).then()
                .statusCode(200)
                .body("content", equalTo("Hello <world> & co"))
                .body("message_type", equalTo(0))
                .body("content_type", equalTo("text"))
                .body("content_attributes", equalTo(Map.of()))
                .body("created_at", equalTo((int) Stub.START.getEpochSecond()))
                .body("$", not(hasKey("echo_id")))
                .body("$", not(hasKey("attachments")))
                .body("sender.type", equalTo("contact"))
                .body("sender.email", equalTo("messenger@acme.inc"))
                .body("sender.thumbnail", equalTo(""))
                .body("sender", hasKey("phone_number"));
    }

    @Test
    void writesHtmlSensitiveCharactersEscapedAsRailsDoes() {
        String body = stub.api().contentType(ContentType.JSON).body(Map.of("content", "<b>&</b>"))
                .post(newConversationMessages()).then().statusCode(200).extract().asString();
        assertTrue(body.contains("\"content\":\"\\u003cb\\u003e\\u0026\\u003c/b\\u003e\""), body);
    }

    @Test
    void acceptsAMessageWithoutContent() {
        stub.bodyless(stub.api()).post(newConversationMessages()).then()
                .statusCode(200).body("content", nullValue());
    }

    @Test
    void refusesContentLongerThan150000Characters() {
        String messages = newConversationMessages();
        stub.offContract().contentType(ContentType.JSON).body(Map.of("content", "x".repeat(150_001)))
                .post(messages).then()
                .statusCode(422)
                .body("message", equalTo("Content is too long (maximum is 150000 characters)"))
                .body("attributes", equalTo(List.of("content")));
        stub.api().get(messages).then().body("$", hasSize(0));
        stub.api().contentType(ContentType.JSON).body(Map.of("content", "x".repeat(150_000)))
                .post(messages).then().statusCode(200);
    }

    @Test
    void storesMultipartAttachmentsAndServesThemAtTheirDataUrl() throws IOException {
        byte[] png = png(3, 2);
        byte[] pdf = "%PDF-1.4 a small document".getBytes(StandardCharsets.US_ASCII);
        Response created = stub.api()
                .multiPart("content", "Here are the files")
                .multiPart("echo_id", "tmp-2")
                .multiPart("attachments[]", "screenshot.png", png, "image/png")
                .multiPart("attachments[]", "invoice.pdf", pdf, "application/pdf")
                .post(newConversationMessages());
        created.then()
                .statusCode(200)
                .body("content", equalTo("Here are the files"))
                .body("attachments", hasSize(2))
                .body("attachments[0].file_type", equalTo("image"))
                .body("attachments[0].extension", equalTo("png"))
                .body("attachments[0].content_type", equalTo("image/png"))
                .body("attachments[0].file_size", equalTo(png.length))
                .body("attachments[0].width", equalTo(3))
                .body("attachments[0].height", equalTo(2))
                .body("attachments[0].account_id", equalTo(1))
                .body("attachments[0].data_url", startsWith(stub.server.baseUri() + "/"))
                .body("attachments[1].file_type", equalTo("file"))
                .body("attachments[1].extension", equalTo("pdf"))
                .body("attachments[1].content_type", equalTo("application/pdf"))
                .body("attachments[1].file_size", equalTo(pdf.length))
                .body("attachments[1].thumb_url", equalTo(""))
                .body("attachments[1]", hasKey("width")).body("attachments[1].width", nullValue())
                .body("attachments[1]", hasKey("height")).body("attachments[1].height", nullValue());
        int messageId = created.path("id");
        assertEquals(messageId, (int) created.path("attachments[0].message_id"));
        assertEquals((String) created.path("attachments[0].data_url"), created.path("attachments[0].thumb_url"));

        Response image = stub.unvalidated().get((String) created.path("attachments[0].data_url"));
        image.then().statusCode(200).contentType("image/png");
        assertArrayEquals(png, image.asByteArray());
        Response document = stub.unvalidated().get((String) created.path("attachments[1].data_url"));
        document.then().statusCode(200).contentType("application/pdf");
        assertArrayEquals(pdf, document.asByteArray());
    }

    @Test
    void namesAttachmentTypesAfterTheUploadedPartsContentType() {
        stub.api()
                .multiPart("attachments[]", "clip.mp4", new byte[] {1, 2}, "video/mp4")
                .multiPart("attachments[]", "voice.ogg", new byte[] {3}, "audio/ogg")
                .multiPart("attachments[]", "README", new byte[] {4}, "text/plain")
                .post(newConversationMessages()).then()
                .statusCode(200)
                .body("content", nullValue())
                .body("attachments.file_type", equalTo(List.of("video", "audio", "file")))
                .body("attachments[1].transcribed_text", equalTo(""))
                .body("attachments[2].extension", nullValue());
    }

    @Test
    void failsLikeChatwootWhenAnAttachmentIsAStringInsteadOfAFile() {
        String messages = newConversationMessages();
        stub.offContract().multiPart("content", "hi").multiPart("attachments[]", "not a file")
                .post(messages).then()
                .statusCode(500)
                .body("status", equalTo(500)).body("error", equalTo("Internal Server Error"));
        stub.offContract().contentType(ContentType.JSON)
                .body(Map.of("content", "hi", "attachments", List.of("blob-signed-id")))
                .post(messages).then().statusCode(500);
        // Rails' blank? decides: any other value is iterated as files
        for (Object value : List.of("x", 5, true, Map.of("a", 1))) {
            stub.offContract().contentType(ContentType.JSON).body(Map.of("content", "hi", "attachments", value))
                    .post(messages).then().statusCode(500);
        }
        stub.api().get(messages).then().body("$", hasSize(0));
        for (Object value : List.of("", " ", false, List.of(), Map.of())) {
            stub.offContract().contentType(ContentType.JSON).body(Map.of("content", "hi", "attachments", value))
                    .post(messages).then().statusCode(200);
        }
    }

    @Test
    void pagesTwentyMessagesAtATimeOldestFirstWithBefore() {
        String messages = newConversationMessages();
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            sent.add(stub.api().contentType(ContentType.JSON).body(Map.of("content", "message " + i))
                    .post(messages).then().statusCode(200).extract().<Integer>path("id"));
        }

        List<Integer> latest = stub.api().get(messages).then().statusCode(200).extract().path("id");
        List<Integer> middle = stub.api().queryParam("before", latest.get(0)).get(messages)
                .then().statusCode(200).extract().path("id");
        List<Integer> oldest = stub.api().queryParam("before", middle.get(0)).get(messages)
                .then().statusCode(200).extract().path("id");

        assertEquals(sent.subList(25, 45), latest);
        assertEquals(sent.subList(5, 25), middle);
        assertEquals(sent.subList(0, 5), oldest);
        List<Integer> all = new ArrayList<>(oldest);
        all.addAll(middle);
        all.addAll(latest);
        assertEquals(sent, all);
        stub.api().queryParam("before", latest.get(0)).get(messages).then()
                .body("content", equalTo(IntStream.range(5, 25).mapToObj(i -> "message " + i).toList()));
    }

    @Test
    void replacesSubmittedValuesWithAnArrayOrAnObjectKeepingOtherContentAttributes() {
        String sourceId = stub.anonymousContact(PLAIN);
        int conversation = stub.createConversation(PLAIN, sourceId);
        String path = conversationPath(PLAIN, sourceId, conversation);
        int text = stub.sendMessage(PLAIN, sourceId, conversation, "Billing or shipping?");
        int survey = csatMessageId(path);

        stub.api().contentType(ContentType.JSON)
                .body(Map.of("submitted_values", List.of(Map.of("title", "Billing", "value", "billing"))))
                .patch(path + "/messages/" + text).then()
                .statusCode(200)
                .body("content_attributes.submitted_values", equalTo(List.of(Map.of("title", "Billing", "value", "billing"))));
        stub.api().contentType(ContentType.JSON)
                .body(Map.of("submitted_values", Map.of("csat_survey_response", Map.of("rating", 4, "feedback_message", "Quick"))))
                .put(path + "/messages/" + survey).then()
                .statusCode(200)
                .body("content_attributes.display_type", equalTo("emoji"))
                .body("content_attributes.submitted_values.csat_survey_response.rating", equalTo(4))
                .body("content_attributes.submitted_values.csat_survey_response.feedback_message", equalTo("Quick"));
        // without submitted_values nothing changes
        stub.api().contentType(ContentType.JSON).body(Map.of("content", "ignored"))
                .patch(path + "/messages/" + survey).then()
                .statusCode(200)
                .body("content", equalTo("Please rate the conversation"))
                .body("content_attributes.submitted_values.csat_survey_response.rating", equalTo(4));
    }

    @Test
    void recordsAValidCsatRatingFromAMessageUpdateButNotAnInvalidOne() {
        String sourceId = stub.anonymousContact(PLAIN);
        int conversation = stub.createConversation(PLAIN, sourceId);
        String path = conversationPath(PLAIN, sourceId, conversation);
        int survey = csatMessageId(path);
        String uuid = stub.api().get(path).path("uuid");

        stub.offContract().contentType(ContentType.JSON)
                .body(Map.of("submitted_values", Map.of("csat_survey_response", Map.of("rating", 7))))
                .patch(path + "/messages/" + survey).then().statusCode(200);
        stub.api().get("/public/api/v1/csat_survey/" + uuid).then().body("csat_survey_response", nullValue());

        stub.api().contentType(ContentType.JSON)
                .body(Map.of("submitted_values", Map.of("csat_survey_response", Map.of("rating", 2, "feedback_message", "Slow"))))
                .patch(path + "/messages/" + survey).then().statusCode(200);
        stub.api().get("/public/api/v1/csat_survey/" + uuid).then()
                .body("csat_survey_response.rating", equalTo(2))
                .body("csat_survey_response.feedback_message", equalTo("Slow"))
                .body("csat_survey_response.message_id", equalTo(survey));
    }

    @Test
    void locksACsatMessageOlderThan14Days() throws Exception {
        try (Stub dated = Stub.start()) {
            String sourceId = dated.anonymousContact(PLAIN);
            String path = conversationPath(PLAIN, sourceId, dated.createConversation(PLAIN, sourceId));
            int text = dated.sendMessage(PLAIN, sourceId, Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)), "hi");
            int survey = dated.bodyless(dated.api()).post(path + "/toggle_status").then().extract().path("messages[1].id");
            Map<String, Object> answer = Map.of("submitted_values", Map.of("csat_survey_response", Map.of("rating", 5)));

            dated.clock.advance(Duration.ofDays(14));
            dated.api().contentType(ContentType.JSON).body(answer).patch(path + "/messages/" + survey).then()
                    .statusCode(200);

            dated.clock.advance(Duration.ofDays(1));
            dated.api().contentType(ContentType.JSON).body(answer).patch(path + "/messages/" + survey).then()
                    .statusCode(422)
                    .body("error", equalTo("You cannot update the CSAT survey after 14 days"));
            // only input_csat messages are locked
            dated.api().contentType(ContentType.JSON)
                    .body(Map.of("submitted_values", List.of(Map.of("name", "email", "value", "a@b.c"))))
                    .patch(path + "/messages/" + text).then().statusCode(200);
        }
    }

    @Test
    void refusesTheMessagePerMinuteLimitUntilAMinuteHasPassed() throws Exception {
        try (Stub limited = Stub.start(config -> config.withMessagesPerMinuteLimit(3))) {
            String sourceId = limited.anonymousContact(PLAIN);
            int conversation = limited.createConversation(PLAIN, sourceId);
            for (int i = 0; i < 3; i++) {
                limited.sendMessage(PLAIN, sourceId, conversation, "burst " + i);
            }
            String messages = conversationPath(PLAIN, sourceId, conversation) + "/messages";
            limited.api().contentType(ContentType.JSON).body(Map.of("content", "one too many")).post(messages)
                    .then().statusCode(422)
                    .body("message", equalTo("Too many messages")).body("attributes", equalTo(List.of("base")));
            limited.clock.advance(Duration.ofSeconds(61));
            limited.sendMessage(PLAIN, sourceId, conversation, "a minute later");
        }
    }

    /** Resolves the conversation and returns the id of the CSAT survey message it sends. */
    private static int csatMessageId(String conversationPath) {
        List<Integer> ids = stub.bodyless(stub.api()).post(conversationPath + "/toggle_status").then()
                .statusCode(200).extract().path("messages.findAll { it.content_type == 'input_csat' }.id");
        assertEquals(1, ids.size());
        return ids.get(0);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
