package io.github.cwcontract.client.support;

import io.github.cwcontract.client.ApiClient;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * The address of the hosted CSAT survey page ({@code getCsatSurveyPage} in the contract), the link to send a
 * contact to. The page is HTML for a browser, so the Java client has no method that downloads it.
 */
public final class SurveyPage {

  private SurveyPage() {
  }

  /** @return {@code <base URI>/survey/responses/<conversationUuid>}, e.g. on the host set with {@code updateBaseUri} */
  public static URI uri(ApiClient client, UUID conversationUuid) {
    Objects.requireNonNull(conversationUuid, "conversationUuid");
    return URI.create(client.getBaseUri() + "/survey/responses/" + conversationUuid);
  }
}
