package io.github.cwcontract.stub;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.github.cwcontract.stub.Stub.OTHER;
import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many clients writing into shared conversations at once: 8 writers, 4 on each of 2 conversations (in different
 * inboxes, so their message ids interleave), 500 messages each. The writers use the JDK's HTTP client (the one the
 * generated Java client uses; on http:// it asks for an h2c upgrade on every POST, which the server must survive),
 * and the history read back is validated against the contract.
 */
class ConcurrencyTest {
    private static final int CONVERSATIONS = 2;
    private static final int WRITERS_PER_CONVERSATION = 4;
    private static final int MESSAGES_PER_WRITER = 500;
    private static final int PAGE = 20;

    /** A writer's view of what it sent: the ids the server answered, in sending order. */
    private record Writer(int conversation, int number, List<Integer> ids) {
        String tag(int i) {
            return "c" + conversation + "-w" + number + "-" + i;
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void concurrentMessagesAreAllStoredOnceWithUniqueIncreasingIdsInAStableOrder() throws Exception {
        try (Stub stub = Stub.start(config -> config.withMessagesPerMinuteLimit(0))) {
            List<String> conversations = new ArrayList<>();
            for (String inbox : List.of(PLAIN, OTHER)) {
                String sourceId = stub.anonymousContact(inbox);
                conversations.add(conversationPath(inbox, sourceId, stub.createConversation(inbox, sourceId))
                        + "/messages");
            }
            HttpClient client = HttpClient.newHttpClient();

            ExecutorService pool = Executors.newFixedThreadPool(CONVERSATIONS * WRITERS_PER_CONVERSATION);
            List<Future<Writer>> running = new ArrayList<>();
            for (int conversation = 0; conversation < CONVERSATIONS; conversation++) {
                for (int number = 0; number < WRITERS_PER_CONVERSATION; number++) {
                    Writer writer = new Writer(conversation, number, new ArrayList<>());
                    String messages = conversations.get(conversation);
                    running.add(pool.submit(() -> {
                        for (int i = 0; i < MESSAGES_PER_WRITER; i++) {
                            String body = "{\"content\":\"" + writer.tag(i) + "\"}";
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                            URI.create(stub.server.baseUri() + messages))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (i == 0) {
                                // the answers are all alike and the reads below are validated; validating every
                                // write would make the validator, not the server, the bottleneck
                                Stub.assertConforms("POST", messages, body, response);
                            }
                            assertEquals(200, response.statusCode(), response.body());
                            writer.ids.add(Integer.valueOf(response.body().replaceFirst("^\\{\"id\":(\\d+),.*", "$1")));
                        }
                        return writer;
                    }));
                }
            }
            List<Writer> writers = new ArrayList<>();
            for (Future<Writer> writer : running) {
                writers.add(writer.get());
            }
            pool.shutdown();

            for (int conversation = 0; conversation < CONVERSATIONS; conversation++) {
                String messages = conversations.get(conversation);
                List<String> pages = new ArrayList<>();
                List<Map<String, Object>> stored = readAll(stub, messages, pages);
                // the same pages again, byte for byte (so they need no second validation)
                for (String page : pages) {
                    String query = page.substring(0, page.indexOf('\n'));
                    HttpResponse<String> again = client.send(HttpRequest.newBuilder(
                            URI.create(stub.server.baseUri() + messages + query)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(page, query + "\n" + again.body(), "listing twice gives the same pages");
                }

                List<Writer> mine = writers.stream().filter(w -> w.conversation == conversations.indexOf(messages))
                        .toList();
                // every id a writer was answered, in id order: the history must be exactly these, nothing else
                List<Integer> answered = mine.stream().flatMap(w -> w.ids.stream()).sorted().toList();
                assertEquals(WRITERS_PER_CONVERSATION * MESSAGES_PER_WRITER, answered.stream().distinct().count(),
                        "the server answered every create with a fresh id");
                List<Integer> ids = stored.stream().map(m -> (Integer) m.get("id")).toList();
                assertEquals(answered, ids, "none lost, none duplicated, ids increase in list order, no page gaps");

                Map<String, Long> seen = stored.stream().map(m -> (String) m.get("content"))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                Map<Integer, Object> contentById = new HashMap<>();
                stored.forEach(m -> contentById.put((Integer) m.get("id"), m.get("content")));
                for (Writer writer : mine) {
                    assertEquals(writer.ids.stream().sorted().toList(), writer.ids, "each writer's ids increase");
                    for (int i = 0; i < MESSAGES_PER_WRITER; i++) {
                        assertEquals(1L, seen.get(writer.tag(i)), writer.tag(i) + " is stored exactly once");
                        assertEquals(writer.tag(i), contentById.get(writer.ids.get(i)), "stored under its id");
                    }
                }
            }
        }
    }

    /**
     * The whole history, page by page with {@code before} back to the first message, oldest first. Each page must
     * be full (but the oldest) and hold exactly the messages just before the previous page.
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
            assertTrue(page.size() <= PAGE, "at most " + PAGE + " per page");
            all.addAll(0, page);
            if (page.size() < PAGE) {
                return all;
            }
            before = (Integer) page.get(0).get("id");
        }
    }
}
