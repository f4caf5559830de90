package io.github.cwcontract.conformance.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.api.TestData;
import io.github.cwcontract.conformance.junit.ServerConformance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ServerConformance
@DisplayName("Inbox")
class InboxTest {

    @Test
    @DisplayName("getInbox returns the inbox with one working-hours entry per weekday, Sunday first")
    void returnsTheInbox(PublicApi api) {
        String inbox = api.target().inbox();
        JsonNode body = api.getInbox(inbox).expect(200).json();

        assertEquals(inbox, body.path("identifier").asText(), "identifier");
        JsonNode days = body.path("working_hours");
        assertEquals(7, days.size(), "number of working_hours entries");
        for (int day = 0; day < 7; day++) {
            assertEquals(day, days.get(day).path("day_of_week").asInt(), "day_of_week of working_hours[" + day + "]");
        }
    }

    @Test
    @DisplayName("getInbox answers 404 for an unknown inbox")
    void unknownInbox(PublicApi api) {
        api.getInbox("unknown-" + TestData.unique()).expect(404);
    }
}
