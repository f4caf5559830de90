package io.github.cwcontract.stub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message. Mutable fields are guarded by the {@link Store} lock. */
public final class MessageRow {
    public static final int INCOMING = 0;
    public static final int TEMPLATE = 3;

    public final int id;
    public final ConversationRow conversation;
    public final int messageType;
    public final String contentType;
    public final String content;
    public final Instant createdAt;
    public final List<AttachmentRow> attachments = new ArrayList<>();
    public Map<String, Object> contentAttributes = new LinkedHashMap<>();
    /** The contact who sent it; null for template messages. Moves on a contact merge. */
    public ContactRow sender;
    /** The recorded rating of an input_csat message. */
    public CsatResponseRow csatResponse;

    MessageRow(int id, ConversationRow conversation, int messageType, String contentType, String content,
               Instant createdAt) {
        this.id = id;
        this.conversation = conversation;
        this.messageType = messageType;
        this.contentType = contentType;
        this.content = content;
        this.createdAt = createdAt;
    }

    public boolean isCsat() {
        return "input_csat".equals(contentType);
    }
}
