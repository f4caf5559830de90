package io.github.cwcontract.stub.message;

import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.store.CsatResponseRow;
import io.github.cwcontract.stub.store.MessageRow;
import io.github.cwcontract.stub.store.Store;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers to interactive messages, shared by the message update and the CSAT survey update: Chatwoot's strong
 * parameters ({@code submitted_values: [:name, :title, :value, {csat_survey_response: [:feedback_message, :rating]}]}),
 * its 14-day CSAT lock, and the CSAT response its background job records.
 */
public final class SubmittedValues {
    public static final String CSAT_LOCKED = "You cannot update the CSAT survey after 14 days";
    private static final Set<String> SCALAR_KEYS = Set.of("name", "title", "value");

    private SubmittedValues() {
    }

    /** Chatwoot refuses any update of an input_csat message whose UTC creation date is more than 14 days ago. */
    public static void refuseIfCsatLocked(Store store, MessageRow message) {
        LocalDate created = LocalDate.ofInstant(message.createdAt, ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(store.now(), ZoneOffset.UTC);
        if (message.isCsat() && ChronoUnit.DAYS.between(created, today) > 14) {
            throw ApiErrors.unprocessable(CSAT_LOCKED);
        }
    }

    /**
     * Replaces the message's {@code content_attributes.submitted_values} (other keys stay) and, for a CSAT message
     * with a rating of 1 to 5, records the rating. Keys the strong parameters do not permit are dropped; values
     * of the wrong JSON type are refused with 422 {@code {"error"}}.
     *
     * @param submitted an array or an object, as Jackson read it
     */
    public static void apply(Store store, MessageRow message, Object submitted) {
        Object permitted;
        if (submitted instanceof List<?> items) {
            List<Object> list = new ArrayList<>();
            for (Object item : items) {
                list.add(permitItem(item, "submitted_values[" + list.size() + "]"));
            }
            permitted = list;
        } else {
            permitted = permitItem(submitted, "submitted_values");
        }
        message.contentAttributes.put("submitted_values", permitted);
        if (message.isCsat() && permitted instanceof Map<?, ?> values
                && values.get("csat_survey_response") instanceof Map<?, ?> answer
                && answer.get("rating") instanceof Integer rating && rating >= 1 && rating <= 5) {
            CsatResponseRow response = message.csatResponse != null
                    ? message.csatResponse : store.addCsatResponse(message, message.conversation.contact);
            response.rating = rating;
            response.feedbackMessage = (String) answer.get("feedback_message");
            response.updatedAt = store.now();
        }
    }

    private static Map<String, Object> permitItem(Object item, String path) {
        if (!(item instanceof Map<?, ?> map)) {
            throw ApiErrors.unprocessable(path + " must be " + (path.endsWith("]") ? "an object" : "an array or an object"));
        }
        Map<String, Object> permitted = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (SCALAR_KEYS.contains(key) && isScalar(value)) {
                permitted.put((String) key, value);
            } else if ("csat_survey_response".equals(key) && value != null) {
                permitted.put("csat_survey_response", permitAnswer(value, path + ".csat_survey_response"));
            }
        });
        return permitted;
    }

    private static Map<String, Object> permitAnswer(Object answer, String path) {
        if (!(answer instanceof Map<?, ?> map)) {
            throw ApiErrors.unprocessable(path + " must be an object");
        }
        Map<String, Object> permitted = new LinkedHashMap<>();
        if (map.containsKey("rating")) {
            Object rating = map.get("rating");
            if (rating != null && !(rating instanceof Integer || rating instanceof Long || rating instanceof BigInteger)) {
                throw ApiErrors.unprocessable(path + ".rating must be an integer");
            }
            permitted.put("rating", rating);
        }
        if (map.containsKey("feedback_message")) {
            Object feedback = map.get("feedback_message");
            if (feedback != null && !(feedback instanceof String)) {
                throw ApiErrors.unprocessable(path + ".feedback_message must be a string");
            }
            permitted.put("feedback_message", feedback);
        }
        return permitted;
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
