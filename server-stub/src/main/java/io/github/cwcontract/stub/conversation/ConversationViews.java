package io.github.cwcontract.stub.conversation;

import io.github.cwcontract.stub.contact.ContactViews;
import io.github.cwcontract.stub.message.MessageViews;
import io.github.cwcontract.stub.model.Conversation;
import io.github.cwcontract.stub.store.ConversationRow;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** The conversation as Chatwoot renders it, with all its messages and its contact. Call inside the store lock. */
final class ConversationViews {
    private ConversationViews() {
    }

    static Conversation conversation(ConversationRow conversation, URI baseUri) {
        return new Conversation()
                .id(conversation.displayId)
                .uuid(UUID.fromString(conversation.uuid))
                .inboxId(conversation.inbox.id)
                .contactLastSeenAt(unixSeconds(conversation.contactLastSeenAt))
                .status(Conversation.StatusEnum.fromValue(conversation.status))
                .agentLastSeenAt(0L)
                .messages(conversation.messages.stream().map(m -> MessageViews.message(m, baseUri)).toList())
                .contact(ContactViews.record(conversation.contact));
    }

    /** {@code to_i} of a nullable time: 0 when never. */
    private static long unixSeconds(Instant time) {
        return time == null ? 0 : time.getEpochSecond();
    }
}
