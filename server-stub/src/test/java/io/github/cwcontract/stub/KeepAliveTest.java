package io.github.cwcontract.stub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.cwcontract.stub.Stub.PLAIN;
import static io.github.cwcontract.stub.Stub.conversationPath;
import static io.github.cwcontract.stub.Stub.inboxPath;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kept-alive connection survives an answer the server gives without reading the request body, also when the body
 * arrives after the request head (as java.net.http sends it: head and body in separate writes); the server closes a
 * connection only after an answer that says {@code Connection: close}.
 */
class KeepAliveTest {
    @RegisterExtension
    static final Stub stub = Stub.perClass();

    record Case(String method, String path, String contentType, int status) {
    }

    @Test
    void anUnreadBodyArrivingLateLeavesTheConnectionUsable() throws Exception {
        String sourceId = stub.anonymousContact(PLAIN);
        String conversation = conversationPath(PLAIN, sourceId, stub.createConversation(PLAIN, sourceId));
        List<Case> cases = List.of(
                new Case("POST", "/public/api/v1/nowhere", "application/json", 404),
                new Case("POST", inboxPath(PLAIN) + "/contacts", "text/plain", 422),
                new Case("GET", inboxPath(PLAIN), "application/json", 200),
                new Case("POST", conversation + "/update_last_seen", "text/plain", 200)); // an answer without a body
        for (Case c : cases) {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                byte[] body = "{\"content\":\"late\"}".getBytes(StandardCharsets.UTF_8);
                out.write((c.method + " " + c.path + " HTTP/1.1\r\nHost: stub\r\nContent-Type: " + c.contentType
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200);
                out.write(body);
                out.flush();
                String head = readAnswer(in);
                assertTrue(head.startsWith("http/1.1 " + c.status + " "), c + ": " + head);
                assertFalse(head.contains("connection: close"), c + ": " + head);

                out.write(("GET " + inboxPath(PLAIN) + " HTTP/1.1\r\nHost: stub\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String next = assertDoesNotThrow(() -> readAnswer(in), c + ", then the next request");
                assertTrue(next.startsWith("http/1.1 200 "), c + ", then the next request: " + next);
            }
        }
    }

    @Test
    void theAnswerToARequestLineJettyCannotParseAnnouncesTheClose() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /public/api/v1/inboxes/%00 HTTP/1.1\r\nHost: stub\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String head = readAnswer(socket.getInputStream());
            assertTrue(head.startsWith("http/1.1 404 "), head);
            assertTrue(head.contains("connection: close"), head);
            assertEquals(-1, socket.getInputStream().read(), "closed after the answer");
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(stub.server.baseUri().getHost(), stub.server.baseUri().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads one answer off the connection, its body by Content-Length or chunks; returns its head in lower case. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            head.append(line.toLowerCase(Locale.ROOT)).append('\n');
        }
        Matcher length = Pattern.compile("content-length: (\\d+)").matcher(head);
        if (head.indexOf("transfer-encoding: chunked") >= 0) {
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                in.readNBytes(size);
                line(in);
            }
            line(in);
        } else if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
