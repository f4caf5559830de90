package io.github.cwcontract.client.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cwcontract.client.ApiException;
import io.github.cwcontract.client.model.CsatLockedError;
import io.github.cwcontract.client.model.StatusError;
import io.github.cwcontract.client.model.ValidationError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatwootErrorsTest {

  private static ApiException failure(int status, String body) {
    return new ApiException(status, "failed", null, body);
  }

  @Test
  void notFound() {
    StatusError error = ChatwootErrors.parse(failure(404, "{\"status\":404,\"error\":\"Not Found\"}"), StatusError.class)
        .orElseThrow();
    assertEquals(404, error.getStatus());
    assertEquals("Not Found", error.getError());
  }

  @Test
  void hmacFailure() {
    Object error = ChatwootErrors.parse(failure(500, "{\"status\":500,\"error\":\"Internal Server Error\"}")).orElseThrow();
    assertEquals(500, assertInstanceOf(StatusError.class, error).getStatus());
  }

  @Test
  void validationFailure() {
    Object error = ChatwootErrors.parse(failure(422, "{\"message\":\"Email Invalid email\",\"attributes\":[\"email\"]}"))
        .orElseThrow();
    ValidationError validation = assertInstanceOf(ValidationError.class, error);
    assertEquals("Email Invalid email", validation.getMessage());
    assertEquals(List.of("email"), validation.getAttributes());
  }

  @Test
  void csatLock() {
    ApiException e = failure(422, "{\"error\":\"You cannot update the CSAT survey after 14 days\"}");
    assertEquals("You cannot update the CSAT survey after 14 days",
        ChatwootErrors.parse(e, CsatLockedError.class).orElseThrow().getError());
    assertTrue(ChatwootErrors.parse(e, ValidationError.class).isEmpty());
  }

  @Test
  void unknownKeysOfANewerServerAreIgnored() {
    ApiException e = failure(422, "{\"message\":\"Too many messages\",\"attributes\":[\"base\"],\"code\":\"rate\"}");
    assertEquals("Too many messages", ChatwootErrors.parse(e, ValidationError.class).orElseThrow().getMessage());
  }

  @Test
  void otherBodiesAreEmpty() {
    assertTrue(ChatwootErrors.parse(failure(429, "Retry later")).isEmpty());
    assertTrue(ChatwootErrors.parse(failure(404, "<!DOCTYPE html><html></html>")).isEmpty());
    assertTrue(ChatwootErrors.parse(failure(500, "")).isEmpty());
    assertTrue(ChatwootErrors.parse(failure(500, null)).isEmpty());
    assertTrue(ChatwootErrors.parse(failure(500, "[1,2]")).isEmpty());
    assertTrue(ChatwootErrors.parse(failure(500, "{\"unexpected\":true}")).isEmpty());
    assertTrue(ChatwootErrors.parse(new ApiException(new java.io.IOException("connection refused"))).isEmpty());
  }
}
