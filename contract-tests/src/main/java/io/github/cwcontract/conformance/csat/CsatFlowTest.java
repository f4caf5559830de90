package io.github.cwcontract.conformance.csat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.conformance.api.ConversationRef;
import io.github.cwcontract.conformance.api.Poll;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.Optional;

import static io.github.cwcontract.conformance.junit.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs when the inbox has CSAT surveys enabled ({@code csat_survey_enabled} in getInbox). */
@ServerConformance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("CSAT: survey after resolving, rating through the message and the survey endpoints")
class CsatFlowTest {

    private ConversationRef conversation;
    private Long surveyMessageId;

    @Test
    @Order(1)
    @DisplayName("resolving a conversation adds an input_csat template message")
    void surveyIsSent(PublicApi api) {
        boolean enabled = api.getInbox(api.target().inbox()).expect(200).json().path("csat_survey_enabled").asBoolean();
        Assumptions.assumeTrue(enabled, "the inbox has csat_survey_enabled: false");

        conversation = api.newConversation(
                api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique())));
        api.postMessage(conversation, "Thanks for the help");
        api.toggleStatus(conversation).expect(200);

        JsonNode survey = Poll.until(api.target().asyncTimeout(), "the input_csat message after resolving",
                () -> find(api.listMessages(conversation, null).expect(200).json(), "input_csat"));
        assertEquals(3, survey.path("message_type").asInt(), "message_type of the survey (3 = template)");
        surveyMessageId = survey.path("id").asLong();
    }

    @Test
    @Order(2)
    @DisplayName("getCsatSurvey returns the survey, not rated yet")
    void surveyIsReadable(PublicApi api) {
        long messageId = require(surveyMessageId, "the survey message of step 1");
        JsonNode survey = api.getCsatSurvey(conversation.uuid()).expect(200).json();

        assertEquals(messageId, survey.path("id").asLong(), "id (the survey message)");
        assertTrue(survey.path("csat_survey_response").isNull(),
                "csat_survey_response before any rating: " + survey.path("csat_survey_response"));
    }

    @Test
    @Order(3)
    @DisplayName("updateMessage records a rating sent as submitted_values of the survey message")
    void rateThroughMessage(PublicApi api) {
        long messageId = require(surveyMessageId, "the survey message of step 1");
        JsonNode message = api.updateMessage(Verb.PATCH, conversation, messageId, Map.of("submitted_values",
                Map.of("csat_survey_response", Map.of("rating", 4, "feedback_message", "Quick help")))).expect(200).json();

        assertEquals(4, message.path("content_attributes").path("submitted_values").path("csat_survey_response")
                .path("rating").asInt(), "content_attributes.submitted_values.csat_survey_response.rating");
        awaitRating(api, 4, "Quick help");
    }

    @Test
    @Order(4)
    @DisplayName("updateCsatSurvey (PUT) records a new rating")
    void rateThroughSurvey(PublicApi api) {
        require(surveyMessageId, "the survey message of step 1");
        api.updateCsatSurvey(Verb.PUT, conversation.uuid(), submission(5, "Great support")).expect(200);
        awaitRating(api, 5, "Great support");
    }

    @Test
    @Order(5)
    @DisplayName("updateCsatSurveyViaPatch records a new rating like PUT")
    void rateThroughSurveyViaPatch(PublicApi api) {
        require(surveyMessageId, "the survey message of step 1");
        api.updateCsatSurvey(Verb.PATCH, conversation.uuid(), submission(2, "Slow this time")).expect(200);
        awaitRating(api, 2, "Slow this time");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @Order(6)
    @DisplayName("updateCsatSurvey answers 500 for a body without message")
    void withoutMessage(Verb verb, PublicApi api) {
        require(surveyMessageId, "the survey message of step 1");
        api.sendingInvalidRequests().updateCsatSurvey(verb, conversation.uuid(),
                Map.of("submitted_values", Map.of("csat_survey_response", Map.of("rating", 5)))).expect(500);
    }

    private static Map<String, Object> submission(int rating, String feedback) {
        return Map.of("message", Map.of("submitted_values",
                Map.of("csat_survey_response", Map.of("rating", rating, "feedback_message", feedback))));
    }

    /** The rating is recorded asynchronously: read the survey until it shows it. */
    private void awaitRating(PublicApi api, int rating, String feedback) {
        Poll.until(api.target().asyncTimeout(), "csat_survey_response.rating " + rating + " in getCsatSurvey", () -> {
            JsonNode response = api.getCsatSurvey(conversation.uuid()).expect(200).json().path("csat_survey_response");
            return response.path("rating").asInt() == rating && feedback.equals(response.path("feedback_message").asText())
                    ? Optional.of(response) : Optional.empty();
        });
    }

    private static Optional<JsonNode> find(JsonNode messages, String contentType) {
        for (JsonNode message : messages) {
            if (contentType.equals(message.path("content_type").asText())) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }
}
