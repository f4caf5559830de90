package io.github.cwcontract.client.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cwcontract.client.ApiClient;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SurveyPageTest {

  private static final UUID CONVERSATION = UUID.fromString("b0f4e3a2-5c1d-4e9a-8f7b-2d6c9a1e0f53");

  @Test
  void theAddressIsOnTheClientsHost() {
    ApiClient client = new ApiClient();
    assertEquals(URI.create("https://app.chatwoot.com/survey/responses/b0f4e3a2-5c1d-4e9a-8f7b-2d6c9a1e0f53"),
        SurveyPage.uri(client, CONVERSATION));

    client.updateBaseUri("http://localhost:3000");
    assertEquals(URI.create("http://localhost:3000/survey/responses/b0f4e3a2-5c1d-4e9a-8f7b-2d6c9a1e0f53"),
        SurveyPage.uri(client, CONVERSATION));
  }
}
