package io.github.cwcontract.stub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A conversation. Mutable fields are guarded by the {@link Store} lock. */
public final class ConversationRow {
    /** The internal database id: only the CSAT API shows it. */
    public final int internalId;
    /** The per-account display id that every other endpoint calls the conversation's id. */
    public final int displayId;
    public final String uuid;
    public final InboxRow inbox;
    public final ContactInboxRow contactInbox;
    public final Map<String, Object> customAttributes;
    /** Ascending by id, which is also creation order. */
    public final List<MessageRow> messages = new ArrayList<>();
    public ContactRow contact;
    public String status = "open";
    public Instant contactLastSeenAt;

    ConversationRow(int internalId, int displayId, String uuid, ContactInboxRow contactInbox,
                    Map<String, Object> customAttributes) {
        this.internalId = internalId;
        this.displayId = displayId;
        this.uuid = uuid;
        this.contactInbox = contactInbox;
        this.inbox = contactInbox.inbox;
        this.contact = contactInbox.contact;
        this.customAttributes = customAttributes;
    }

    public Optional<MessageRow> message(long id) {
        return messages.stream().filter(m -> m.id == id).findFirst();
    }

    /** The survey the CSAT endpoints serve: the first input_csat message. */
    public Optional<MessageRow> csatMessage() {
        return messages.stream().filter(MessageRow::isCsat).findFirst();
    }
}
