package io.github.cwcontract.conformance.api;

/**
 * A request body sent exactly as written, labelled {@code application/json}: for bodies that are not valid JSON.
 *
 * @param text the body
 */
public record RawJson(String text) {
}
