package io.github.cwcontract.conformance.junit;

import org.junit.jupiter.api.Assumptions;

/** For scenario steps that build on an earlier step: skip (not fail) when that step did not get as far. */
public final class Prerequisites {

    private Prerequisites() {
    }

    public static <T> T require(T value, String description) {
        if (value == null) {
            Assumptions.abort("skipped: needs " + description + ", which an earlier step did not produce");
        }
        return value;
    }
}
