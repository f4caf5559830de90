package io.github.cwcontract.stub.csat;

import io.github.cwcontract.stub.api.CsatApi;
import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.message.SubmittedValues;
import io.github.cwcontract.stub.model.CsatSubmissionCsatSurveyResponse;
import io.github.cwcontract.stub.model.CsatSurvey;
import io.github.cwcontract.stub.model.CsatSurveyUpdateRequest;
import io.github.cwcontract.stub.store.MessageRow;
import io.github.cwcontract.stub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The CSAT JSON API (by conversation uuid, across all inboxes) and the hosted survey page. */
@Singleton
public final class CsatResource implements CsatApi {
    private static final String SURVEY_PAGE = loadSurveyPage();

    private final Store store;

    @Inject
    public CsatResource(Store store) {
        this.store = store;
    }

    @Override
    public CsatSurvey getCsatSurvey(UUID conversationUuid) {
        return store.locked(() -> CsatSurveys.view(survey(conversationUuid)));
    }

    /**
     * Records the rating and answers with the survey as it was <em>before</em> this submission: Chatwoot records
     * the rating in a background job, so its response almost always shows the previous state (null the first
     * time). The stub records at once, so reading the survey again shows the new rating.
     */
    @Override
    public CsatSurvey updateCsatSurvey(UUID conversationUuid, CsatSurveyUpdateRequest body) {
        return store.locked(() -> {
            MessageRow survey = survey(conversationUuid);
            SubmittedValues.refuseIfCsatLocked(store, survey);
            if (body == null || body.getMessage() == null) {
                // Chatwoot calls update!(nil) and fails with ArgumentError
                throw ApiErrors.internalError();
            }
            CsatSurvey before = CsatSurveys.view(survey);
            if (body.getMessage().getSubmittedValues() != null) {
                CsatSubmissionCsatSurveyResponse answer = body.getMessage().getSubmittedValues().getCsatSurveyResponse();
                Map<String, Object> submitted = new LinkedHashMap<>();
                if (answer != null) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("rating", answer.getRating());
                    values.put("feedback_message", answer.getFeedbackMessage());
                    submitted.put("csat_survey_response", values);
                }
                SubmittedValues.apply(store, survey, submitted);
            }
            return before;
        });
    }

    @Override
    public CsatSurvey updateCsatSurveyViaPatch(UUID conversationUuid, CsatSurveyUpdateRequest body) {
        return updateCsatSurvey(conversationUuid, body);
    }

    /** The same page for every uuid, as in Chatwoot: the page's script loads the survey and shows any error. */
    @Override
    public String getCsatSurveyPage(UUID conversationUuid) {
        return SURVEY_PAGE;
    }

    private MessageRow survey(UUID conversationUuid) {
        return store.conversationByUuid(Objects.toString(conversationUuid, ""))
                .flatMap(c -> c.csatMessage())
                .orElseThrow(ApiErrors::notFound);
    }

    private static String loadSurveyPage() {
        try (InputStream page = CsatResource.class.getResourceAsStream("survey.html")) {
            return new String(Objects.requireNonNull(page, "survey.html").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
