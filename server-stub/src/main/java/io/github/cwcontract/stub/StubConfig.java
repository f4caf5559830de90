package io.github.cwcontract.stub;

import io.github.cwcontract.stub.store.Tokens;

import java.time.Clock;
import java.util.List;

/**
 * How to run a stub server.
 *
 * @param host                   the interface to listen on
 * @param port                   the port; 0 picks a free one
 * @param inboxes                the API inboxes; empty means one plain and one HMAC-mandatory inbox with fresh
 *                               identifiers and tokens
 * @param csatEnabled            whether every inbox sends a CSAT survey when a conversation is resolved
 * @param clock                  the time source of every timestamp; tests pass a clock they can move forward
 * @param messagesPerMinuteLimit Chatwoot's per-conversation CONVERSATION_MESSAGE_PER_MINUTE_LIMIT; 0 disables it
 */
public record StubConfig(String host, int port, List<InboxSpec> inboxes, boolean csatEnabled, Clock clock,
                         int messagesPerMinuteLimit) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3000;
    /** Chatwoot's default. */
    public static final int DEFAULT_MESSAGES_PER_MINUTE_LIMIT = 200;

    public StubConfig {
        inboxes = List.copyOf(inboxes);
    }

    public static StubConfig defaults() {
        return new StubConfig(DEFAULT_HOST, DEFAULT_PORT, List.of(), true, Clock.systemUTC(),
                DEFAULT_MESSAGES_PER_MINUTE_LIMIT);
    }

    public StubConfig withHost(String newHost) {
        return new StubConfig(newHost, port, inboxes, csatEnabled, clock, messagesPerMinuteLimit);
    }

    public StubConfig withPort(int newPort) {
        return new StubConfig(host, newPort, inboxes, csatEnabled, clock, messagesPerMinuteLimit);
    }

    public StubConfig withInboxes(List<InboxSpec> newInboxes) {
        return new StubConfig(host, port, newInboxes, csatEnabled, clock, messagesPerMinuteLimit);
    }

    public StubConfig withCsatEnabled(boolean enabled) {
        return new StubConfig(host, port, inboxes, enabled, clock, messagesPerMinuteLimit);
    }

    public StubConfig withClock(Clock newClock) {
        return new StubConfig(host, port, inboxes, csatEnabled, newClock, messagesPerMinuteLimit);
    }

    public StubConfig withMessagesPerMinuteLimit(int limit) {
        return new StubConfig(host, port, inboxes, csatEnabled, clock, limit);
    }

    /** The inboxes to create: the configured ones, or a fresh plain and HMAC-mandatory pair. */
    List<InboxSpec> effectiveInboxes() {
        return inboxes.isEmpty()
                ? List.of(InboxSpec.plain(Tokens.secureToken()), InboxSpec.hmacMandatory(Tokens.secureToken(),
                        Tokens.secureToken()))
                : inboxes;
    }

    /**
     * An API inbox.
     *
     * @param identifier    the inbox identifier used in every path
     * @param hmacToken     the key of {@code identifier_hash}; every API inbox has one, even without mandatory
     *                      identity validation
     * @param hmacMandatory whether every contacts call must carry a valid {@code identifier_hash}
     */
    public record InboxSpec(String identifier, String hmacToken, boolean hmacMandatory) {
        public static InboxSpec plain(String identifier) {
            return new InboxSpec(identifier, Tokens.secureToken(), false);
        }

        public static InboxSpec hmacMandatory(String identifier, String hmacToken) {
            return new InboxSpec(identifier, hmacToken, true);
        }
    }
}
