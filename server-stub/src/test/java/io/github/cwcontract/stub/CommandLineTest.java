package io.github.cwcontract.stub;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    private static final String TOKEN = "[1-9A-HJ-NP-Za-km-z]{24}";

    @Test
    void defaultsToLoopbackPort3000WithCsatAndGeneratedInboxes() throws Exception {
        StubConfig config = CommandLine.parse(new String[0]);
        assertEquals("127.0.0.1", config.host());
        assertEquals(3000, config.port());
        assertTrue(config.csatEnabled());
        assertTrue(config.inboxes().isEmpty());
        assertEquals(200, config.messagesPerMinuteLimit());

        List<StubConfig.InboxSpec> generated = config.effectiveInboxes();
        assertEquals(2, generated.size());
        assertFalse(generated.get(0).hmacMandatory());
        assertTrue(generated.get(1).hmacMandatory());
        for (StubConfig.InboxSpec inbox : generated) {
            assertThat(inbox.identifier(), matchesPattern(TOKEN));
            assertThat(inbox.hmacToken(), matchesPattern(TOKEN));
        }
    }

    @Test
    void readsEveryOptionInBothSpellings() throws Exception {
        StubConfig config = CommandLine.parse(new String[] {"--host", "0.0.0.0", "--port=0", "--inbox", "demo",
                "--inbox=second", "--hmac-inbox", "secure:token:with:colons", "--no-csat", "--messages-per-minute", "0"});
        assertEquals("0.0.0.0", config.host());
        assertEquals(0, config.port());
        assertFalse(config.csatEnabled());
        assertEquals(0, config.messagesPerMinuteLimit(), "0 turns the limit off");
        assertEquals(List.of("demo", "second", "secure"),
                config.inboxes().stream().map(StubConfig.InboxSpec::identifier).toList());
        assertEquals(List.of(false, false, true),
                config.inboxes().stream().map(StubConfig.InboxSpec::hmacMandatory).toList());
        assertEquals("token:with:colons", config.inboxes().get(2).hmacToken());
        assertThat(config.inboxes().get(0).hmacToken(), matchesPattern(TOKEN));
    }

    @Test
    void readsTheMessagesPerMinuteLimit() throws Exception {
        assertEquals(100_000, CommandLine.parse(new String[] {"--messages-per-minute=100000"}).messagesPerMinuteLimit());
        assertEquals(1, CommandLine.parse(new String[] {"--messages-per-minute", "1"}).messagesPerMinuteLimit());
    }

    @Test
    void asksForHelp() throws Exception {
        assertNull(CommandLine.parse(new String[] {"--port", "1", "--help"}));
        assertNull(CommandLine.parse(new String[] {"-h"}));
    }

    @Test
    void refusesBadOptionsWithAClearMessage() {
        assertUsageError("unknown option: --verbose", "--verbose");
        assertUsageError("--port needs a value", "--port");
        assertUsageError("--port must be a number from 0 to 65535, not 'http'", "--port", "http");
        assertUsageError("--port must be a number from 0 to 65535, not '70000'", "--port=70000");
        assertUsageError("--port must be a number from 0 to 65535, not '-1'", "--port", "-1");
        assertUsageError("--hmac-inbox needs IDENTIFIER:HMAC_TOKEN, not 'secure'", "--hmac-inbox", "secure");
        assertUsageError("--hmac-inbox needs IDENTIFIER:HMAC_TOKEN, not 'secure:'", "--hmac-inbox", "secure:");
        assertUsageError("inbox identifier '' must be a non-empty path segment without '/', '.', '?', '#', '%' or "
                + "spaces", "--hmac-inbox", ":token");
        assertUsageError("inbox identifier 'a/b' must be a non-empty path segment without '/', '.', '?', '#', '%' or "
                + "spaces", "--inbox", "a/b");
        assertUsageError("inbox identifier 'v1.0' must be a non-empty path segment without '/', '.', '?', '#', '%' "
                + "or spaces", "--inbox", "v1.0");
        assertUsageError("inbox identifier 'demo' is given twice", "--inbox", "demo", "--hmac-inbox", "demo:t");
        assertUsageError("--no-csat takes no value", "--no-csat=yes");
        assertUsageError("--messages-per-minute needs a value", "--messages-per-minute");
        for (String bad : List.of("-1", "many", "1.5", "", "2147483648")) {
            assertUsageError("--messages-per-minute must be a whole number from 0 (no limit) to 2147483647, not '"
                    + bad + "'", "--messages-per-minute=" + bad);
        }
    }

    private static void assertUsageError(String message, String... args) {
        CommandLine.UsageException error = assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(args));
        assertEquals(message, error.getMessage());
    }

    @Test
    void exitsWithStatus2OnBadOptionsAndPrintsHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, StubServer.run(new String[] {"--port", "http"}, new PrintStream(out), new PrintStream(err)));
        assertEquals("chatwoot-stub-server: --port must be a number from 0 to 65535, not 'http'\n"
                + "Run with --help for the options.\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        assertEquals(0, StubServer.run(new String[] {"--help"}, new PrintStream(out), new PrintStream(err)));
        assertEquals(CommandLine.USAGE, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exitsWithStatus1WhenThePortIsTaken() throws Exception {
        try (Stub running = Stub.start()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String port = String.valueOf(running.server.baseUri().getPort());
            assertEquals(1, StubServer.run(new String[] {"--port", port}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err)));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("chatwoot-stub-server: cannot listen on "
                    + "127.0.0.1:" + port + ": "), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** The real entry point in its own JVM, as {@code java -jar} runs it. */
    @Test
    void theMainClassPrintsItsInboxesAndUrlAndServes() throws Exception {
        Process server = java("--port", "0", "--inbox", "demo", "--hmac-inbox", "secure:token123");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("listening on ")) {
                lines.add(line);
            }
            assertThat(lines.get(0), matchesPattern("inbox identifier=demo hmac_mandatory=false hmac_token=" + TOKEN));
            assertEquals("inbox identifier=secure hmac_mandatory=true hmac_token=token123", lines.get(1));
            assertThat(line, matchesPattern("listening on http://127\\.0\\.0\\.1:\\d+"));

            String url = line.substring("listening on ".length());
            RestAssured.given().baseUri(url).get("/public/api/v1/inboxes/secure").then()
                    .statusCode(200).body("identity_validation_enabled", equalTo(true));
            RestAssured.given().baseUri(url).get("/openapi.yaml").then()
                    .statusCode(200).body(equalTo(Stub.spec()));
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private static Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StubServer.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
