package io.github.cwcontract.conformance.api;

/** The two verbs of the update operations that the contract declares under separate operationIds. */
public enum Verb {
    PATCH, PUT
}
