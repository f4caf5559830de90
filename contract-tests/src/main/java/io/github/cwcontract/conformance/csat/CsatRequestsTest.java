package io.github.cwcontract.conformance.csat;

import io.github.cwcontract.conformance.api.ConversationRef;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.api.Verb;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

@ServerConformance
@DisplayName("CSAT: unknown surveys and the survey page")
class CsatRequestsTest {

    @Test
    @DisplayName("getCsatSurvey answers 404 for an unknown conversation uuid")
    void unknownUuid(PublicApi api) {
        api.getCsatSurvey(UUID.randomUUID().toString()).expect(404);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verb.class)
    @DisplayName("updateCsatSurvey answers 404 for an unknown conversation uuid")
    void updateUnknownUuid(Verb verb, PublicApi api) {
        api.updateCsatSurvey(verb, UUID.randomUUID().toString(), Map.of("message", Map.of("submitted_values",
                Map.of("csat_survey_response", Map.of("rating", 5))))).expect(404);
    }

    @Test
    @DisplayName("getCsatSurvey answers 404 for a conversation that has no survey")
    void conversationWithoutSurvey(PublicApi api) {
        ConversationRef open = api.newConversation(
                api.newContact(api.target().inbox(), Map.of("name", "Conformance " + TestData.unique())));
        api.getCsatSurvey(open.uuid()).expect(404);
    }

    @Test
    @DisplayName("getCsatSurveyPage answers with the HTML page (or 404 on an API-only installation)")
    void surveyPage(PublicApi api) {
        int status = api.getCsatSurveyPage(UUID.randomUUID().toString()).status();
        assertTrue(status == 200 || status == 404, "status " + status);
    }
}
