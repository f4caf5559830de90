package io.github.cwcontract.conformance;

import com.sun.net.httpserver.HttpServer;
import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.report.ConformanceReport;
import io.github.cwcontract.conformance.deployment.ReferenceServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The runnable jar's command line")
class MainTest {

    @TempDir
    Path reports;

    @Test
    @DisplayName("without --base-url it checks the reference server: everything passes, reports are written")
    void checksTheReferenceServer() throws IOException {
        Result result = run("--report-dir", reports.toString());

        assertEquals(0, result.exitCode, result.out + result.err);
        List<String> lines = result.out.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("\\d+ passed, 0 failed, 0 skipped"), "last line: " + last);

        String report = Files.readString(reports.resolve(ConformanceReport.FILE_NAME));
        assertTrue(report.contains("## Coverage: operation × status"), report);
        report.lines().filter(l -> l.startsWith("| `")).forEach(row ->
                assertTrue(!row.contains("✘"), "contract violations in the coverage matrix: " + row));
        String notExercised = report.contains("### Declared but not exercised")
                ? report.substring(report.indexOf("### Declared but not exercised"), report.indexOf("## Failures"))
                : "";
        notExercised.lines().filter(l -> l.startsWith("- ")).forEach(l ->
                assertTrue(l.contains(": "), "a declared response a client can provoke was not exercised: " + l));
        assertTrue(Files.exists(reports.resolve("TEST-junit-jupiter.xml")), "JUnit XML report");
    }

    @Test
    @DisplayName("a URL where nothing listens ends within seconds with a clear message")
    void deadUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> run("--base-url", "http://127.0.0.1:" + port, "--inbox", "any"));

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("cannot connect to http://127.0.0.1:" + port), result.err);
    }

    @Test
    @DisplayName("a server that accepts connections but never answers ends after the read timeout with a clear message")
    void silentServer() throws Exception {
        try (RawServer silent = new RawServer(socket -> socket.getInputStream().transferTo(OutputStream.nullOutputStream()))) {
            long started = System.nanoTime();
            Result result = assertTimeoutPreemptively(
                    Duration.ofMillis(PublicApi.READ_TIMEOUT_MILLIS).plusSeconds(10),
                    () -> run("--base-url", silent.url(), "--inbox", "any"));

            assertEquals(2, result.exitCode, result.out + result.err);
            assertTrue(result.err.contains(silent.url() + " accepted the connection but sent no answer within "
                    + PublicApi.READ_TIMEOUT_MILLIS / 1000 + " s."), result.err);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= PublicApi.READ_TIMEOUT_MILLIS - 500,
                    "it waited for the read timeout");
        }
    }

    @Test
    @DisplayName("a server that answers garbage ends within seconds with a clear message")
    void garbageServer() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        List<byte[]> answers = List.of(
                concat("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII), noise),
                noise,
                "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] answer : answers) {
            try (RawServer garbage = new RawServer(socket -> {
                socket.getInputStream().read(new byte[8192]);
                socket.getOutputStream().write(answer);
                socket.getOutputStream().flush();
            })) {
                Result result = assertTimeoutPreemptively(Duration.ofSeconds(15),
                        () -> run("--base-url", garbage.url(), "--inbox", "any"));

                assertEquals(2, result.exitCode, result.out + result.err);
                assertTrue(result.err.contains("cannot reach " + garbage.url() + ": ")
                        || result.err.contains("this does not look like Chatwoot's Public API"), result.err);
            }
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] both = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, both, head.length, tail.length);
        return both;
    }

    /** A TCP server that hands each connection to a handler and closes it afterwards; below HTTP on purpose. */
    private static final class RawServer implements AutoCloseable {
        interface Handler {
            void handle(Socket socket) throws IOException;
        }

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService connections = Executors.newCachedThreadPool();
        private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();

        RawServer(Handler handler) throws IOException {
            connections.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        open.add(socket);
                        connections.execute(() -> {
                            try (socket) {
                                handler.handle(socket);
                            } catch (IOException closed) {
                                // the client gave up: nothing to clean up
                            }
                        });
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            // unblocks handlers still reading from a client that never hung up
            for (Socket socket : open) {
                socket.close();
            }
            connections.shutdownNow();
        }
    }

    @Test
    @DisplayName("a URL that is not Chatwoot is reported as such")
    void notChatwoot() throws IOException {
        HttpServer html = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        html.createContext("/", exchange -> {
            byte[] page = "<html>Welcome</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        html.start();
        try {
            Result result = run("--base-url", "http://127.0.0.1:" + html.getAddress().getPort(), "--inbox", "any");
            assertEquals(2, result.exitCode);
            assertTrue(result.err.contains("does not look like Chatwoot's Public API"), result.err);
        } finally {
            html.stop(0);
        }
    }

    @Test
    @DisplayName("an unknown inbox is reported before any check runs")
    void unknownInbox() throws Exception {
        try (ReferenceServer.Running server = ReferenceServer.start()) {
            Result result = run("--base-url", server.target().baseUrl().toString(), "--inbox", "no-such-inbox");
            assertEquals(2, result.exitCode);
            assertTrue(result.err.contains("answered 404: no API-channel inbox"), result.err);
        }
    }

    @Test
    @DisplayName("wrong options print the usage and exit with 2")
    void usage() {
        Result result = run("--hmac-inbox", "x", "--base-url", "http://localhost:3000", "--inbox", "y");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("--hmac-inbox and --hmac-token go together"), result.err);
        assertTrue(result.err.contains("Usage:"), result.err);
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
