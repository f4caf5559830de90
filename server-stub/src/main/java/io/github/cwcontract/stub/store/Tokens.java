package io.github.cwcontract.stub.store;

import java.security.SecureRandom;

/** Random tokens shaped like Rails' {@code has_secure_token} values: 24 characters of the base58 alphabet. */
public final class Tokens {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String secureToken() {
        StringBuilder token = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            token.append(BASE58.charAt(RANDOM.nextInt(BASE58.length())));
        }
        return token.toString();
    }
}
