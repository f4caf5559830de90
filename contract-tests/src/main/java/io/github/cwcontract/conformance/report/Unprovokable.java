package io.github.cwcontract.conformance.report;

import java.util.Map;
import java.util.Optional;

/** Declared responses a client cannot provoke on demand, with the reason shown in the report. */
final class Unprovokable {

    private static final String CSAT_LOCK = "the 14-day CSAT lock: needs a survey message older than 14 days";
    private static final String UPDATE_FAILURE =
            "a failure while saving the message (e.g. the per-minute message limit), not provokable on demand";

    private static final Map<String, String> REASONS = Map.of(
            "toggleConversationStatus 422", "the conversation fails its own validation on save; no client input does that",
            "updateMessage 422", CSAT_LOCK,
            "updateMessageViaPut 422", CSAT_LOCK,
            "updateCsatSurvey 422", CSAT_LOCK,
            "updateCsatSurveyViaPatch 422", CSAT_LOCK,
            "updateMessage 500", UPDATE_FAILURE,
            "updateMessageViaPut 500", UPDATE_FAILURE,
            "getCsatSurveyPage 404", "only API-only installations (CW_API_ONLY_SERVER=true) answer 404",
            "getCsatSurveyPage 200", "API-only installations (CW_API_ONLY_SERVER=true) do not serve the page");

    private Unprovokable() {
    }

    static Optional<String> reason(String operationId, String status) {
        return Optional.ofNullable(REASONS.get(operationId + " " + status));
    }
}
