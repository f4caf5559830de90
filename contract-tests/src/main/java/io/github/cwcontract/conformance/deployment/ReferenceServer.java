package io.github.cwcontract.conformance.deployment;

import io.github.cwcontract.stub.StubConfig;
import io.github.cwcontract.stub.StubServer;
import io.github.cwcontract.stub.store.Tokens;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the project's reference server (module server-stub) in-process, on a free loopback port. */
public final class ReferenceServer {

    /** Kept so that the level set below is not lost when the logger is garbage-collected. */
    private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

    private ReferenceServer() {
    }

    /** A target and how to release it. */
    public record Running(Target target, AutoCloseable stopper) implements AutoCloseable {

        /** A deployment the suite did not start and must not stop. */
        public static Running external(Target target) {
            return new Running(target, () -> { });
        }

        @Override
        public void close() {
            try {
                stopper.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping the target failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Starts the reference server with a plain inbox and an identity-validation inbox, CSAT surveys enabled, and
     * returns it as a target.
     */
    public static Running start() {
        JETTY_LOG.setLevel(Level.WARNING);
        String inbox = Tokens.secureToken();
        String hmacInbox = Tokens.secureToken();
        String hmacToken = Tokens.secureToken();
        StubConfig config = StubConfig.defaults()
                .withPort(0)
                .withCsatEnabled(true)
                .withInboxes(List.of(StubConfig.InboxSpec.plain(inbox),
                        StubConfig.InboxSpec.hmacMandatory(hmacInbox, hmacToken)));
        StubServer server;
        try {
            server = StubServer.start(config);
        } catch (Exception e) {
            throw new IllegalStateException("the reference server did not start: " + e.getMessage(), e);
        }
        Target target = new Target(server.baseUri(), inbox, hmacInbox, hmacToken, Target.DEFAULT_ASYNC_TIMEOUT);
        return new Running(target, server);
    }
}
