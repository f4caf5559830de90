package io.github.cwcontract.conformance.deployment;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The deployment under test.
 *
 * @param baseUrl      where {@code /public/api/v1} lives, e.g. {@code https://chat.example.com}
 * @param inbox        identifier of an API-channel inbox without identity validation (null in mock mode)
 * @param hmacInbox    identifier of an API-channel inbox with identity validation, if one is checked
 * @param hmacToken    that inbox's HMAC token
 * @param asyncTimeout how long to wait for what the server does asynchronously (the CSAT survey message, the
 *                     recorded rating)
 */
public record Target(URI baseUrl, String inbox, String hmacInbox, String hmacToken, Duration asyncTimeout) {

    /** JUnit configuration parameters that describe the target (the runnable jar sets them from its options). */
    public static final String BASE_URL = "conformance.base-url";
    public static final String INBOX = "conformance.inbox";
    public static final String HMAC_INBOX = "conformance.hmac-inbox";
    public static final String HMAC_TOKEN = "conformance.hmac-token";
    public static final String ASYNC_TIMEOUT_SECONDS = "conformance.async-timeout-seconds";

    public static final Duration DEFAULT_ASYNC_TIMEOUT = Duration.ofSeconds(15);

    public Target {
        baseUrl = withoutTrailingSlash(baseUrl);
        if ((hmacInbox == null) != (hmacToken == null)) {
            throw new IllegalArgumentException("an HMAC inbox needs its token and a token needs its inbox");
        }
    }

    /** Reads the target from configuration parameters; empty when no base URL is configured. */
    public static Optional<Target> fromParameters(Function<String, Optional<String>> parameters) {
        Optional<String> baseUrl = parameters.apply(BASE_URL).filter(s -> !s.isBlank());
        if (baseUrl.isEmpty()) {
            return Optional.empty();
        }
        Duration timeout = parameters.apply(ASYNC_TIMEOUT_SECONDS)
                .map(s -> Duration.ofSeconds(Long.parseLong(s.trim())))
                .orElse(DEFAULT_ASYNC_TIMEOUT);
        return Optional.of(new Target(URI.create(baseUrl.get().trim()),
                parameters.apply(INBOX).orElse(null),
                parameters.apply(HMAC_INBOX).orElse(null),
                parameters.apply(HMAC_TOKEN).orElse(null),
                timeout));
    }

    /** The target as configuration parameters, the inverse of {@link #fromParameters}. */
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(BASE_URL, baseUrl.toString());
        if (inbox != null) {
            parameters.put(INBOX, inbox);
        }
        if (hmacInbox != null) {
            parameters.put(HMAC_INBOX, hmacInbox);
            parameters.put(HMAC_TOKEN, hmacToken);
        }
        parameters.put(ASYNC_TIMEOUT_SECONDS, String.valueOf(asyncTimeout.toSeconds()));
        return parameters;
    }

    /** One line for reports and logs (without the HMAC token). */
    public String describe() {
        return baseUrl + (inbox == null ? "" : ", inbox " + inbox)
                + (hmacInbox == null ? "" : ", identity-validation inbox " + hmacInbox);
    }

    public boolean hasHmacInbox() {
        return hmacInbox != null;
    }

    /** The path part of the base URL ({@code ""} for a deployment at the root). */
    public String basePath() {
        String path = baseUrl.getRawPath();
        return path == null ? "" : path;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
