package io.github.cwcontract.stub.contact;

import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.store.InboxRow;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Chatwoot's identity validation on the contacts endpoints: {@code identifier_hash} must be the lowercase hex
 * HMAC-SHA256 of the request's {@code identifier} (or "" without one), keyed with the inbox's HMAC token. Like the
 * real server it is not bound to the session's contact and it uses a plain comparison.
 */
final class Hmac {
    private Hmac() {
    }

    /**
     * Checks the hash when one is given or the inbox makes identity validation mandatory.
     *
     * @return whether a hash was checked, i.e. the session may be marked verified
     * @throws jakarta.ws.rs.WebApplicationException the 500 Chatwoot answers for a wrong or missing hash
     */
    static boolean verify(InboxRow inbox, String identifier, String identifierHash) {
        boolean hashGiven = identifierHash != null && !identifierHash.isBlank();
        if (!hashGiven && !inbox.hmacMandatory) {
            return false;
        }
        if (!sign(inbox.hmacToken, identifier == null ? "" : identifier).equals(identifierHash)) {
            throw ApiErrors.internalError();
        }
        return true;
    }

    static String sign(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
