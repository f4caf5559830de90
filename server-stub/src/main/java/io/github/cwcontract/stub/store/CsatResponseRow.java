package io.github.cwcontract.stub.store;

import java.time.Instant;

/** A recorded CSAT rating (Chatwoot's csat_survey_responses row). Guarded by the {@link Store} lock. */
public final class CsatResponseRow {
    public final int id;
    public final int contactId;
    public final Instant createdAt;
    public int rating;
    public String feedbackMessage;
    public Instant updatedAt;

    CsatResponseRow(int id, int contactId, Instant createdAt) {
        this.id = id;
        this.contactId = contactId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }
}
