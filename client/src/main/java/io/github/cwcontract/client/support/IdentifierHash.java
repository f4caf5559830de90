package io.github.cwcontract.client.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code identifier_hash} of identity validation: lowercase hex HMAC-SHA256 of the identifier, keyed with the
 * inbox's HMAC token. Compute it on your server: the HMAC token must never reach a browser or an app.
 */
public final class IdentifierHash {

  private static final String ALGORITHM = "HmacSHA256";

  private IdentifierHash() {
  }

  /**
   * @param hmacToken the inbox's HMAC token (inbox settings, identity validation)
   * @param identifier the contact's identifier as sent in the same request; the server signs {@code ""} when the
   *     request has no identifier, so pass {@code ""} for an anonymous contact of an inbox that requires the hash
   * @return 64 lowercase hex characters
   */
  public static String of(String hmacToken, String identifier) {
    Objects.requireNonNull(hmacToken, "hmacToken");
    Objects.requireNonNull(identifier, "identifier");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(hmacToken.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // every Java platform must provide HmacSHA256
      throw new IllegalStateException(e);
    }
  }
}
