package io.github.cwcontract.conformance.validation;

import org.opentest4j.AssertionFailedError;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a run from waiting out the read timeout on every remaining request once the target has stopped answering:
 * after a few requests in a row got no response, later requests fail at once.
 */
public final class TargetHealth {

    private static final int NO_ANSWER_LIMIT = 3;

    private final AtomicInteger noAnswerInARow = new AtomicInteger();

    void beforeRequest() {
        if (noAnswerInARow.get() >= NO_ANSWER_LIMIT) {
            throw new AssertionFailedError("not sent: the target stopped answering (" + NO_ANSWER_LIMIT
                    + " requests in a row got no response)");
        }
    }

    void answered() {
        noAnswerInARow.set(0);
    }

    void noAnswer() {
        noAnswerInARow.incrementAndGet();
    }
}
