package io.github.cwcontract.conformance.api;

/**
 * A contact session: the inbox it belongs to and its {@code source_id}.
 *
 * @param inbox    the inbox identifier
 * @param sourceId the session's {@code source_id} (the paths' {@code contact_identifier})
 * @param id       the contact's id
 */
public record ContactRef(String inbox, String sourceId, long id) {
}
