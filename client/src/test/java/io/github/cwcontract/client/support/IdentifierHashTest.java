package io.github.cwcontract.client.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierHashTest {

  // Expected values from: printf '%s' "$IDENTIFIER" | openssl dgst -sha256 -hmac "$TOKEN"
  // (the first three also checked with Python's hmac module).
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Kq7vT2mXc9LpR4wZs8NbHd3F|cust-42|c569596c24f4720a0123266a5340a1a2d58f89e6ed0efc7b088326e69b45a77d",
      "Kq7vT2mXc9LpR4wZs8NbHd3F|''|170cb321d7d36935a5301e3ff6d45eb931d9c09194983a6e6021ef2c94eb8bf1",
      "Kq7vT2mXc9LpR4wZs8NbHd3F|Jürgen 👋|305e205415ef283e6677a5816ef372fc478a16bf8e77f1cafc3f42d634aff1d4",
      // RFC 4231, test case 2
      "Jefe|what do ya want for nothing?|5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  })
  void matchesOpensslHmacSha256(String token, String identifier, String expected) {
    assertEquals(expected, IdentifierHash.of(token, identifier));
  }

  @Test
  void refusesNulls() {
    assertThrows(NullPointerException.class, () -> IdentifierHash.of(null, "cust-42"));
    assertThrows(NullPointerException.class, () -> IdentifierHash.of("token", null));
  }
}
