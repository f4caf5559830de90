package io.github.cwcontract.stub.store;

/** A contact session: the contact in one inbox, identified there by its {@code source_id}. */
public final class ContactInboxRow {
    public final InboxRow inbox;
    public final String sourceId;
    public final String pubsubToken;
    /** Moves to another contact when the session's contact is merged into it. */
    public ContactRow contact;
    /** Set by a valid identifier_hash on contact show/update; widens the conversation scope to the whole contact. */
    public boolean hmacVerified;

    ContactInboxRow(InboxRow inbox, ContactRow contact, String sourceId, String pubsubToken) {
        this.inbox = inbox;
        this.contact = contact;
        this.sourceId = sourceId;
        this.pubsubToken = pubsubToken;
    }
}
