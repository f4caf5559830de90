package io.github.cwcontract.conformance.api;

/**
 * A conversation of a contact session.
 *
 * @param contact the session that created it
 * @param id      its display id (the paths' {@code conversation_id})
 * @param uuid    its uuid (the CSAT endpoints' key)
 */
public record ConversationRef(ContactRef contact, long id, String uuid) {

    /** The same conversation addressed through another session (to check that the other session cannot reach it). */
    public ConversationRef as(ContactRef other) {
        return new ConversationRef(other, id, uuid);
    }
}
