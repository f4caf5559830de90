package io.github.cwcontract.stub.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A contact of the account. Mutable fields are guarded by the {@link Store} lock. */
public final class ContactRow {
    public final int id;
    public final Instant createdAt;
    public String name;
    public String email;
    public String phoneNumber;
    public String identifier;
    public Map<String, Object> customAttributes = new LinkedHashMap<>();
    public Map<String, Object> additionalAttributes = new LinkedHashMap<>();
    public Instant updatedAt;
    public Instant lastActivityAt;

    ContactRow(int id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Chatwoot makes a visitor a lead as soon as an email or phone number is known. */
    public String contactType() {
        return email != null || phoneNumber != null ? "lead" : "visitor";
    }
}
