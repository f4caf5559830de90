package io.github.cwcontract.stub;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many clients writing into one conversation at once. The writers use the JDK's HTTP client (the one the generated
 * Java client uses; on http:// it asks for an h2c upgrade on every POST, which the server must survive), and every
 * exchange is validated against the contract like the RestAssured ones.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int MESSAGES_PER_THREAD = 100;

    @Test
    void concurrentMessagesAreAllStoredWithUniqueIncreasingIdsInAStableOrder() throws Exception {
        try (Stub stub = Stub.start(config -> config.withMessagesPerMinuteLimit(0))) {
            String sourceId = stub.anonymousContact(PLAIN);
            String messages = conversationPath(PLAIN, sourceId, stub.createConversation(PLAIN, sourceId)) + "/messages";
            HttpClient client = HttpClient.newHttpClient();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<Integer>>> writers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int writer = thread;
                writers.add(pool.submit(() -> {
                    List<Integer> ids = new ArrayList<>();
                    for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
                        String body = "{\"content\":\"w" + writer + "-" + i + "\"}";
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                        URI.create(stub.server.baseUri() + messages))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        Stub.assertConforms("POST", messages, body, response);
                        assertEquals(200, response.statusCode(), response.body());
                        ids.add(Integer.valueOf(response.body().replaceFirst("^\\{\"id\":(\\d+),.*", "$1")));
                    }
                    return ids;
                }));
            }
            Map<Integer, List<Integer>> sentBy = new HashMap<>();
            for (int thread = 0; thread < THREADS; thread++) {
                sentBy.put(thread, writers.get(thread).get());
            }
            pool.shutdown();

            List<String> pages = new ArrayList<>();
            List<Map<String, Object>> stored = readAll(stub, messages, pages);
            // the same pages again, byte for byte (so they need no second validation)
            for (String page : pages) {
                String query = page.substring(0, page.indexOf('\n'));
                HttpResponse<String> again = client.send(HttpRequest.newBuilder(
                        URI.create(stub.server.baseUri() + messages + query)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(page, query + "\n" + again.body(), "listing twice gives the same pages");
            }
            assertEquals(THREADS * MESSAGES_PER_THREAD, stored.size());
            List<Integer> ids = stored.stream().map(m -> (Integer) m.get("id")).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique");
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i - 1) < ids.get(i), "ids increase in list order");
            }
            sentBy.forEach((writer, sent) -> {
                List<String> contents = stored.stream().map(m -> (String) m.get("content"))
                        .filter(c -> c.startsWith("w" + writer + "-")).toList();
                assertEquals(sent.stream().sorted().toList(), sent, "each writer's ids increase");
                assertEquals(IntStream.range(0, MESSAGES_PER_THREAD)
                        .mapToObj(i -> "w" + writer + "-" + i).toList(), contents, "each writer's order is kept");
            });
        }
    }

    /**
     * The whole history, page by page with {@code before}, oldest first.
     *
     * @param pages receives each page as its query string, a newline and the body as received
     */
    private static List<Map<String, Object>> readAll(Stub stub, String messages, List<String> pages) {
        List<Map<String, Object>> all = new ArrayList<>();
        Integer before = null;
        while (true) {
            String query = before == null ? "" : "?before=" + before;
            Response response = stub.api().get(messages + query);
            response.then().statusCode(200);
            pages.add(query + "\n" + response.asString());
            List<Map<String, Object>> page = response.path("$");
            all.addAll(0, page);
            if (page.size() < 20) {
                return all;
            }
            before = (Integer) page.get(0).get("id");
        }
    }
}
