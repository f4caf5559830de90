package io.github.cwcontract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.client.api.ContactsApi;
import io.github.cwcontract.client.api.CsatApi;
import io.github.cwcontract.client.api.MessagesApi;
import io.github.cwcontract.client.model.ContactCreateRequest;
import io.github.cwcontract.client.model.CsatSubmission;
import io.github.cwcontract.client.model.CsatSubmissionCsatSurveyResponse;
import io.github.cwcontract.client.model.CsatSurveyUpdateRequest;
import io.github.cwcontract.client.model.CsatSurveyUpdateRequestMessage;
import io.github.cwcontract.client.model.MessageUpdateRequest;
import io.github.cwcontract.client.model.SubmittedItem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON bodies the generated API classes send: unset fields are left out, explicit nulls are kept. */
class RequestBodyTest {

  private static final String SESSION = "{\"source_id\":\"s\",\"pubsub_token\":\"t\",\"id\":1,\"name\":\"A\","
      + "\"email\":null,\"phone_number\":null}";
  private static final String MESSAGE = "{\"id\":1,\"content\":\"x\",\"message_type\":3,\"content_type\":\"input_csat\","
      + "\"content_attributes\":{},\"created_at\":1,\"conversation_id\":7}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final LocalServer server = new LocalServer();

  private JsonNode sent() throws Exception {
    assertEquals("application/json", server.header("Content-Type"));
    return JSON.readTree(server.requestBody);
  }

  @Test
  void onlyTheFieldsSetAreSent() throws Exception {
    ContactsApi api = new ContactsApi(server.client());
    server.body = SESSION;

    api.createContact("inbox", new ContactCreateRequest().name("Alice").customAttributes(Map.of("plan", "pro")));
    assertEquals(JSON.readTree("{\"name\":\"Alice\",\"custom_attributes\":{\"plan\":\"pro\"}}"), sent());

    api.createContact("inbox", new ContactCreateRequest().name("Alice").email(null));
    assertEquals(JSON.readTree("{\"name\":\"Alice\",\"email\":null}"), sent());

    api.createContact("inbox", new ContactCreateRequest());
    assertEquals(JSON.readTree("{}"), sent());
  }

  @Test
  void aNullOptionalBodyIsTheJsonLiteralNull() throws Exception {
    // what the generated code sends; Rails reads it as no parameters (README)
    ContactsApi api = new ContactsApi(server.client());
    server.body = SESSION;

    api.createContact("inbox", null);

    assertEquals(JSON.nullNode(), sent());
  }

  @Test
  void submittedValuesTakeEitherShape() throws Exception {
    MessagesApi api = new MessagesApi(server.client());
    server.body = MESSAGE;

    api.updateMessage("inbox", "source", 7, 90430, new MessageUpdateRequest().submittedValues(
        new CsatSubmission().csatSurveyResponse(new CsatSubmissionCsatSurveyResponse().rating(4).feedbackMessage("Quick help"))));
    assertEquals("PATCH", server.requestMethod);
    assertEquals(JSON.readTree("{\"submitted_values\":{\"csat_survey_response\":{\"rating\":4,\"feedback_message\":\"Quick help\"}}}"),
        sent());

    api.updateMessageViaPut("inbox", "source", 7, 90433, new MessageUpdateRequest().submittedValues(
        List.of(new SubmittedItem().title("Billing").value("billing"))));
    assertEquals("PUT", server.requestMethod);
    assertEquals(JSON.readTree("{\"submitted_values\":[{\"title\":\"Billing\",\"value\":\"billing\"}]}"), sent());
  }

  @Test
  void theSurveyUpdateIsWrappedInMessage() throws Exception {
    CsatApi api = new CsatApi(server.client());
    server.body = "{\"id\":1,\"csat_survey_response\":null,\"inbox_avatar_url\":\"\",\"inbox_name\":\"S\",\"locale\":\"en\","
        + "\"conversation_id\":1,\"created_at\":\"2026-06-18T09:30:10.000Z\"}";

    api.updateCsatSurvey(UUID.fromString("b0f4e3a2-5c1d-4e9a-8f7b-2d6c9a1e0f53"), new CsatSurveyUpdateRequest().message(
        new CsatSurveyUpdateRequestMessage().submittedValues(new CsatSubmission().csatSurveyResponse(
            new CsatSubmissionCsatSurveyResponse().rating(5)))));

    assertEquals("PUT", server.requestMethod);
    assertEquals("/public/api/v1/csat_survey/b0f4e3a2-5c1d-4e9a-8f7b-2d6c9a1e0f53", server.requestPath);
    assertEquals(JSON.readTree("{\"message\":{\"submitted_values\":{\"csat_survey_response\":{\"rating\":5}}}}"), sent());
  }
}
