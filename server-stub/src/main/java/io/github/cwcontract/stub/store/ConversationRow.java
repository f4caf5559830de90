package io.github.cwcontract.stub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    /** Ascending by id, which is also creation order. */
    public final List<MessageRow> messages = new ArrayList<>();
    public ContactRow contact;
    public String status = "open";
    public Instant contactLastSeenAt;

    ConversationRow(int internalId, int displayId, String uuid, ContactInboxRow contactInbox) {
        this.internalId = internalId;
        this.displayId = displayId;
        this.uuid = uuid;
        this.contactInbox = contactInbox;
        this.inbox = contactInbox.inbox;
        this.contact = contactInbox.contact;
    }

    public Optional<MessageRow> message(long id) {
        int i = firstIndexWithIdAtLeast(id);
        return i < messages.size() && messages.get(i).id == id ? Optional.of(messages.get(i)) : Optional.empty();
    }

    /**
     * Up to {@code size} messages created just before the message id {@code before} (the latest ones when null),
     * oldest first. Messages are appended with increasing ids and a clock that never goes back, so id order is
     * creation order and a page costs O(log n + size), whatever the conversation's length.
     */
    public List<MessageRow> page(Integer before, int size) {
        int end = before == null ? messages.size() : firstIndexWithIdAtLeast(before);
        return List.copyOf(messages.subList(Math.max(0, end - size), end));
    }

    private int firstIndexWithIdAtLeast(long id) {
        int low = 0;
        int high = messages.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (messages.get(mid).id < id) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The survey the CSAT endpoints serve: the first input_csat message. */
    public Optional<MessageRow> csatMessage() {
        return messages.stream().filter(MessageRow::isCsat).findFirst();
    }
}
