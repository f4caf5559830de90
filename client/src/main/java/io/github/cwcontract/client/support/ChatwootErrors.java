package io.github.cwcontract.client.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.client.ApiClient;
import io.github.cwcontract.client.ApiException;
import io.github.cwcontract.client.model.CsatLockedError;
import io.github.cwcontract.client.model.StatusError;
import io.github.cwcontract.client.model.ValidationError;
import java.util.Optional;

/**
 * Reads the error body of a failed call as one of the contract's error models. The generated API methods throw
 * {@link ApiException} with the raw body ({@link ApiException#getResponseBody()}) but do not parse it, and one
 * status can carry two shapes (422 is either a {@link ValidationError} or a {@link CsatLockedError}), so the shape
 * is chosen by its keys:
 * <ul>
 *   <li>{@code status} present: {@link StatusError} (404, and the 500 of an HMAC failure);</li>
 *   <li>{@code message} present: {@link ValidationError} (422 of an invalid record);</li>
 *   <li>only {@code error}: {@link CsatLockedError} (422 of the 14-day CSAT lock).</li>
 * </ul>
 */
public final class ChatwootErrors {

  private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();

  private ChatwootErrors() {
  }

  /**
   * @return the body as {@link StatusError}, {@link ValidationError} or {@link CsatLockedError}; empty when there
   *     is no body or it is not one of them (e.g. the {@code 429 text/plain} of the rate limit, an I/O failure)
   */
  public static Optional<Object> parse(ApiException e) {
    JsonNode body = readTree(e.getResponseBody());
    if (body == null || !body.isObject()) {
      return Optional.empty();
    }
    Class<?> type;
    if (body.has("status")) {
      type = StatusError.class;
    } else if (body.has("message")) {
      type = ValidationError.class;
    } else if (body.has("error")) {
      type = CsatLockedError.class;
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.treeToValue(body, type));
    } catch (JsonProcessingException notThatShape) {
      return Optional.empty();
    }
  }

  /** @return the body as {@code type} if it has that shape, otherwise empty */
  public static <T> Optional<T> parse(ApiException e, Class<T> type) {
    return parse(e).filter(type::isInstance).map(type::cast);
  }

  private static JsonNode readTree(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }
}
