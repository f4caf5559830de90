package io.github.cwcontract.stub;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsatApiTest {
    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    @RegisterExtension
    static final Stub stub = Stub.perClass();

    private static String csat(String uuid) {
        return "/public/api/v1/csat_survey/" + uuid;
    }

    private static Map<String, Object> rating(int rating, String feedback) {
        return Map.of("message", Map.of("submitted_values",
                Map.of("csat_survey_response", Map.of("rating", rating, "feedback_message", feedback))));
    }

    /** A conversation of a fresh session; resolved when asked, which sends the survey. */
    private record Conversation(String path, String uuid, int displayId) {
        static Conversation create(Stub on, boolean resolve) {
            String sourceId = on.anonymousContact(PLAIN);
            int id = on.createConversation(PLAIN, sourceId);
            String path = conversationPath(PLAIN, sourceId, id);
            if (resolve) {
                on.bodyless(on.api()).post(path + "/toggle_status").then().statusCode(200);
            }
            return new Conversation(path, on.api().get(path).path("uuid"), id);
        }
    }

    @Test
    void anOpenConversationHasNoSurveyYet() {
        stub.api().get(csat(Conversation.create(stub, false).uuid())).then()
                .statusCode(404).body("error", equalTo("Not Found"));
    }

    @Test
    void showsTheSurveyWithTheInternalConversationId() {
        Conversation conversation = Conversation.create(stub, true);
        int surveyMessage = stub.api().get(conversation.path() + "/messages").path("[0].id");
        Response survey = stub.api().get(csat(conversation.uuid()));
        survey.then()
                .statusCode(200)
                .body("id", equalTo(surveyMessage))
                .body("csat_survey_response", nullValue())
                .body("display_type", equalTo("emoji"))
                .body("content", nullValue())
                .body("inbox_avatar_url", equalTo(""))
                .body("inbox_name", equalTo("API Inbox 1"))
                .body("locale", equalTo("en"))
                .body("created_at", matchesPattern(ISO_MILLIS));
        assertNotEquals(conversation.displayId(), (int) survey.path("conversation_id"));
    }

    @Test
    void submissionsAnswerThePreviousStateAndAreRecorded() {
        Conversation conversation = Conversation.create(stub, true);
        stub.api().contentType(ContentType.JSON).body(rating(5, "Great support"))
                .put(csat(conversation.uuid())).then()
                .statusCode(200).body("csat_survey_response", nullValue());
        Response recorded = stub.api().get(csat(conversation.uuid()));
        recorded.then()
                .statusCode(200)
                .body("csat_survey_response.rating", equalTo(5))
                .body("csat_survey_response.feedback_message", equalTo("Great support"))
                .body("csat_survey_response.conversation_id", equalTo(recorded.path("conversation_id")))
                .body("csat_survey_response.message_id", equalTo(recorded.path("id")))
                .body("csat_survey_response.assigned_agent_id", nullValue())
                .body("csat_survey_response.csat_review_notes", nullValue())
                .body("csat_survey_response.created_at", matchesPattern(ISO_MILLIS));

        stub.clock.advance(Duration.ofHours(1));
        stub.api().contentType(ContentType.JSON).body(rating(3, "Second thoughts"))
                .patch(csat(conversation.uuid())).then()
                .statusCode(200)
                .body("csat_survey_response.rating", equalTo(5));
        stub.api().get(csat(conversation.uuid())).then()
                .body("csat_survey_response.id", equalTo(recorded.path("csat_survey_response.id")))
                .body("csat_survey_response.rating", equalTo(3))
                .body("csat_survey_response.feedback_message", equalTo("Second thoughts"))
                .body("csat_survey_response.updated_at",
                        not(equalTo(recorded.path("csat_survey_response.updated_at"))));

        // the survey message carries the submitted values too
        stub.api().get(conversation.path() + "/messages").then()
                .body("[0].content_attributes.submitted_values.csat_survey_response.rating", equalTo(3))
                .body("[0].content_attributes.display_type", equalTo("emoji"));
    }

    @Test
    void anInvalidRatingIsAcceptedButNotRecorded() {
        Conversation conversation = Conversation.create(stub, true);
        stub.offContract().contentType(ContentType.JSON).body(rating(0, "zero"))
                .put(csat(conversation.uuid())).then().statusCode(200);
        stub.api().get(csat(conversation.uuid())).then().body("csat_survey_response", nullValue());
    }

    @Test
    void anUpdateWithoutMessageFailsWith500AsChatwootDoes() {
        Conversation conversation = Conversation.create(stub, true);
        stub.offContract().contentType(ContentType.JSON).body(Map.of("submitted_values", Map.of()))
                .put(csat(conversation.uuid())).then()
                .statusCode(500).body("status", equalTo(500)).body("error", equalTo("Internal Server Error"));
        stub.offContract().contentType(ContentType.JSON).body(Map.of("message", "not an object"))
                .patch(csat(conversation.uuid())).then().statusCode(500);
        stub.offContract().contentType(ContentType.JSON).put(csat(conversation.uuid())).then().statusCode(500);
        stub.api().get(csat(conversation.uuid())).then().body("csat_survey_response", nullValue());
    }

    @Test
    void locksTheSurveyAfter14DaysButKeepsItReadable() throws Exception {
        try (Stub dated = Stub.start()) {
            Conversation conversation = Conversation.create(dated, true);
            dated.clock.advance(Duration.ofDays(15));
            dated.api().contentType(ContentType.JSON).body(rating(4, "late")).put(csat(conversation.uuid())).then()
                    .statusCode(422)
                    .contentType("application/json; charset=utf-8")
                    .body("error", equalTo("You cannot update the CSAT survey after 14 days"));
            dated.api().get(csat(conversation.uuid())).then().statusCode(200).body("csat_survey_response", nullValue());
        }
    }

    @Test
    void findsSurveysByUuidOnly() {
        stub.api().get(csat(UUID.randomUUID().toString())).then().statusCode(404);
        stub.offContract().get(csat("not-a-uuid")).then().statusCode(404).body("status", equalTo(404));
        stub.offContract().contentType(ContentType.JSON).body(rating(5, "x")).put(csat("42")).then().statusCode(404);
    }

    @Test
    void servesASelfContainedSurveyPageForAnyUuid() {
        Conversation conversation = Conversation.create(stub, true);
        String page = stub.api().get("/survey/responses/" + conversation.uuid()).then()
                .statusCode(200)
                .contentType("text/html; charset=utf-8")
                .body(containsString("/public/api/v1/csat_survey/"))
                .body(containsString("id=\"submit\""))
                .extract().asString();
        for (int rating = 1; rating <= 5; rating++) {
            assertTrue(page.contains("id=\"rating-" + rating + "\" data-rating=\"" + rating + "\""), "rating " + rating);
        }
        assertTrue(page.contains("method: 'PUT'") && page.contains("submitted_values")
                && page.contains("csat_survey_response") && page.contains("feedback_message"));
        Matcher external = Pattern.compile("(src|href)=\"(https?:)?//").matcher(page);
        assertFalse(external.find(), "the page loads nothing from elsewhere");

        stub.api().get("/survey/responses/" + UUID.randomUUID()).then().statusCode(200);
        stub.offContract().get("/survey/responses/anything-at-all").then().statusCode(200)
                .contentType("text/html; charset=utf-8");
    }
}
