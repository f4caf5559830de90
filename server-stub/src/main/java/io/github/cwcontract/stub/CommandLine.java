package io.github.cwcontract.stub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The command-line options of the runnable jar. */
final class CommandLine {
    static final String USAGE = """
            Usage: java -jar chatwoot-stub-server.jar [options]

            A stateful, in-memory stand-in for a Chatwoot 4.x server's Public (client) API.

            Options:
              --host HOST                    interface to listen on (default 127.0.0.1)
              --port PORT                    port to listen on, 0 for any free port (default 3000)
              --inbox IDENTIFIER             add an API inbox without identity validation (repeatable)
              --hmac-inbox IDENTIFIER:TOKEN  add an API inbox whose identity validation (HMAC) is mandatory,
                                             with TOKEN as its HMAC token (repeatable)
              --no-csat                      do not send CSAT surveys when a conversation is resolved
              --messages-per-minute N        messages a conversation accepts within a minute before answering 422,
                                             0 for no limit (default 200, Chatwoot's)
              --help                         print this help and exit

            Without --inbox and --hmac-inbox, one inbox of each kind is created with random identifiers and tokens.
            On start it prints one line per inbox and the URL it listens on, e.g.
              inbox identifier=demo hmac_mandatory=false hmac_token=3kTq...
              listening on http://127.0.0.1:3000
            """;
    /** An identifier must survive as one path segment: Rails' routes exclude '/', '.' and '?'. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_~!$'()*+,;=@:-]+");

    private CommandLine() {
    }

    /** A command line that cannot be run; main exits with status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** @return the configuration, or null when help was asked for */
    static StubConfig parse(String[] args) throws UsageException {
        StubConfig config = StubConfig.defaults();
        List<StubConfig.InboxSpec> inboxes = new ArrayList<>();
        Set<String> identifiers = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inlineValue = option.equals(arg) ? null : arg.substring(option.length() + 1);
            switch (option) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--no-csat" -> {
                    if (inlineValue != null) {
                        throw new UsageException("--no-csat takes no value");
                    }
                    config = config.withCsatEnabled(false);
                }
                case "--host", "--port", "--inbox", "--hmac-inbox", "--messages-per-minute" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(option + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (option) {
                        case "--host" -> config = config.withHost(host(value));
                        case "--port" -> config = config.withPort(port(value));
                        case "--messages-per-minute" -> config = config.withMessagesPerMinuteLimit(
                                messagesPerMinute(value));
                        case "--inbox" -> inboxes.add(StubConfig.InboxSpec.plain(identifier(value, identifiers)));
                        default -> inboxes.add(hmacInbox(value, identifiers));
                    }
                }
                default -> throw new UsageException("unknown option: " + arg);
            }
        }
        return config.withInboxes(inboxes);
    }

    private static String host(String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("--host needs a host name or address");
        }
        return value;
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535, not '" + value + "'");
    }

    private static int messagesPerMinute(String value) throws UsageException {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("--messages-per-minute must be a whole number from 0 (no limit) to "
                + Integer.MAX_VALUE + ", not '" + value + "'");
    }

    private static StubConfig.InboxSpec hmacInbox(String value, Set<String> identifiers) throws UsageException {
        int colon = value.indexOf(':');
        if (colon < 0 || colon == value.length() - 1) {
            throw new UsageException("--hmac-inbox needs IDENTIFIER:HMAC_TOKEN, not '" + value + "'");
        }
        return StubConfig.InboxSpec.hmacMandatory(identifier(value.substring(0, colon), identifiers),
                value.substring(colon + 1));
    }

    private static String identifier(String value, Set<String> identifiers) throws UsageException {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new UsageException("inbox identifier '" + value
                    + "' must be a non-empty path segment without '/', '.', '?', '#', '%' or spaces");
        }
        if (!identifiers.add(value)) {
            throw new UsageException("inbox identifier '" + value + "' is given twice");
        }
        return value;
    }
}
