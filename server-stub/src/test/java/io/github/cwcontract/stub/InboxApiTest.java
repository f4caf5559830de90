package io.github.cwcontract.stub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

class InboxApiTest {
    @RegisterExtension
    static final Stub stub = Stub.perClass();

    @Test
    void showsAPlainInboxWithTheDefaultWorkingHours() {
        stub.api().get(Stub.inboxPath(Stub.PLAIN)).then()
                .statusCode(200)
                .contentType("application/json; charset=utf-8")
                .body("identifier", equalTo(Stub.PLAIN))
                .body("identity_validation_enabled", equalTo(false))
                .body("timezone", equalTo("UTC"))
                .body("csat_survey_enabled", equalTo(true))
                .body("working_hours", hasSize(7))
                .body("working_hours.day_of_week", contains(0, 1, 2, 3, 4, 5, 6))
                .body("working_hours[0].closed_all_day", equalTo(true))
                .body("working_hours[0].open_hour", nullValue())
                .body("working_hours[1].open_hour", equalTo(9))
                .body("working_hours[1].close_hour", equalTo(17));
    }

    @Test
    void showsThatIdentityValidationIsMandatoryOnAnHmacInbox() {
        stub.api().get(Stub.inboxPath(Stub.SECURE)).then()
                .statusCode(200)
                .body("identifier", equalTo(Stub.SECURE))
                .body("identity_validation_enabled", equalTo(true));
    }

    @Test
    void answersAnUnknownInboxWith404() {
        stub.api().get(Stub.inboxPath("no-such-inbox")).then()
                .statusCode(404)
                .contentType("application/json; charset=utf-8")
                .body("status", equalTo(404))
                .body("error", equalTo("Not Found"));
    }
}
