package io.github.cwcontract.conformance.api;

import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Bounded polling for what a real server does asynchronously (no fixed sleeps). */
public final class Poll {

    private Poll() {
    }

    /**
     * Asks {@code probe} until it yields a value, first quickly, then every 250 ms, and fails with {@code what}
     * once {@code timeout} has passed.
     */
    public static <T> T until(Duration timeout, String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 20;
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for " + what);
            }
            pause = Math.min(pause * 2, 250);
        }
    }
}
