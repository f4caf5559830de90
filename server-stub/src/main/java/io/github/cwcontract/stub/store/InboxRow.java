package io.github.cwcontract.stub.store;

/** An API-channel inbox. Immutable: the stub has no agent side that could change its settings. */
public final class InboxRow {
    public final int id;
    public final String identifier;
    public final String name;
    public final String hmacToken;
    public final boolean hmacMandatory;
    public final boolean csatEnabled;

    InboxRow(int id, String identifier, String name, String hmacToken, boolean hmacMandatory, boolean csatEnabled) {
        this.id = id;
        this.identifier = identifier;
        this.name = name;
        this.hmacToken = hmacToken;
        this.hmacMandatory = hmacMandatory;
        this.csatEnabled = csatEnabled;
    }
}
