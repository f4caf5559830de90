package io.github.cwcontract.conformance.deployment;

import io.github.cwcontract.conformance.api.PublicApi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks before the run that the base URL answers and knows the inbox, so that a dead or wrong URL ends with one
 * clear message instead of a failure per test.
 */
public final class Preflight {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(PublicApi.CONNECT_TIMEOUT_MILLIS))
            .build();

    private Preflight() {
    }

    /** Empty when the target looks usable, else what is wrong. */
    public static Optional<String> problem(Target target, boolean mock) {
        if (mock) {
            // a mock answers any inbox with its example: only reachability can be checked
            return Optional.ofNullable(get(target, "/public/api/v1/inboxes/preflight").error);
        }
        Optional<String> problem = inboxProblem(target, target.inbox(), "--inbox");
        if (problem.isEmpty() && target.hasHmacInbox()) {
            problem = inboxProblem(target, target.hmacInbox(), "--hmac-inbox");
        }
        return problem;
    }

    private static Optional<String> inboxProblem(Target target, String inbox, String option) {
        String path = "/public/api/v1/inboxes/" + inbox;
        Result result = get(target, path);
        if (result.error != null) {
            return Optional.of(result.error);
        }
        String where = "GET " + target.baseUrl() + path;
        if (result.status == 404) {
            return Optional.of(where + " answered 404: no API-channel inbox with the identifier given by " + option
                    + " (Settings → Inboxes → the API inbox → Configuration), or the base URL is not the Chatwoot"
                    + " installation's root.");
        }
        if (result.status != 200 || !result.body.trim().startsWith("{")) {
            return Optional.of(where + " answered " + result.status + " " + result.contentType
                    + ": this does not look like Chatwoot's Public API. Check --base-url.");
        }
        return Optional.empty();
    }

    /** The answer to a GET, with an {@code error} instead when there was none. */
    private static Result get(Target target, String path) {
        URI uri = URI.create(target.baseUrl() + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(PublicApi.READ_TIMEOUT_MILLIS))
                .GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("(no content type)"), response.body(), null);
        } catch (HttpConnectTimeoutException e) {
            return failure("no connection to " + target.baseUrl() + " within "
                    + PublicApi.CONNECT_TIMEOUT_MILLIS / 1000 + " s. Check --base-url and the network.");
        } catch (HttpTimeoutException e) {
            return failure(target.baseUrl() + " accepted the connection but sent no answer within "
                    + PublicApi.READ_TIMEOUT_MILLIS / 1000 + " s.");
        } catch (IOException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return failure("unknown host in " + target.baseUrl() + ". Check --base-url.");
            }
            if (e instanceof ConnectException) {
                return failure("cannot connect to " + target.baseUrl() + ". Is the server running and the URL right?");
            }
            return failure("cannot reach " + target.baseUrl() + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted");
        } catch (IllegalArgumentException e) {
            return failure("not a usable URL: " + target.baseUrl() + " (" + e.getMessage() + ")");
        }
    }

    private static Result failure(String error) {
        return new Result(-1, null, null, error);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable e) {
        Throwable cause = rootCause(e);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private record Result(int status, String contentType, String body, String error) {
    }
}
