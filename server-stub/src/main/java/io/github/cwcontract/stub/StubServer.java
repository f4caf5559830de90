package io.github.cwcontract.stub;

import io.github.cwcontract.stub.store.InboxRow;
import io.github.cwcontract.stub.store.Store;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A running stub: Jersey on Jetty over one in-memory {@link Store}. Also the runnable jar's main class. */
public final class StubServer implements AutoCloseable {
    /** Jetty's INFO lines (version, connector) are noise for a stub; kept referenced so the level sticks. */
    private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

    private final Server jetty;
    private final Store store;
    private final URI baseUri;

    private StubServer(Server jetty, Store store, URI baseUri) {
        this.jetty = jetty;
        this.store = store;
        this.baseUri = baseUri;
    }

    public static StubServer start(StubConfig config) throws Exception {
        JETTY_LOG.setLevel(Level.WARNING);
        Store store = new Store(config.clock(), config.messagesPerMinuteLimit());
        for (StubConfig.InboxSpec inbox : config.effectiveInboxes()) {
            store.locked(() -> store.addInbox(inbox.identifier(), inbox.hmacToken(), inbox.hmacMandatory(),
                    config.csatEnabled()));
        }
        Server jetty = JettyHttpContainerFactory.createServer(URI.create("http://localhost:" + config.port() + "/"),
                StubApplication.create(store), false);
        ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
        // the factory binds every interface; the stub listens where it is told to (loopback by default)
        connector.setHost(config.host());
        HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        http.setSendServerVersion(false);
        // let odd but well-formed paths (%2F, encoded dots, backslashes) reach the application, which answers them
        // with the contract's 404 rather than Jetty refusing them with 400
        http.setUriCompliance(UriCompliance.UNSAFE);
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setHandler(new UnreadBodyHandler(jetty.getHandler()));
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return new StubServer(jetty, store, URI.create("http://" + host + ":" + connector.getLocalPort()));
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:3000} (no trailing slash). */
    public URI baseUri() {
        return baseUri;
    }

    /** The connector the server listens with: tests watch the connections it opens. */
    ServerConnector connector() {
        return (ServerConnector) jetty.getConnectors()[0];
    }

    public List<InboxRow> inboxes() {
        return store.locked(store::inboxes);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts a server as the command line says and leaves it running (its threads keep the JVM alive).
     *
     * @return the exit status: 0 when the server runs or help was printed, 2 for bad options, 1 when the server
     *         cannot start
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        StubConfig config;
        try {
            config = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("chatwoot-stub-server: " + e.getMessage());
            err.println("Run with --help for the options.");
            return 2;
        }
        if (config == null) {
            out.print(CommandLine.USAGE);
            return 0;
        }
        StubServer server;
        try {
            server = start(config);
        } catch (Exception e) {
            err.println("chatwoot-stub-server: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage());
            return 1;
        }
        for (InboxRow inbox : server.inboxes()) {
            out.println("inbox identifier=" + inbox.identifier + " hmac_mandatory=" + inbox.hmacMandatory
                    + " hmac_token=" + inbox.hmacToken);
        }
        out.println("listening on " + server.baseUri());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the JVM is exiting anyway
            }
        }));
        return 0;
    }
}
