package io.github.cwcontract.conformance.report;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Readable names of tests: the class's display name, then the test's, e.g. {@code Inbox › getInbox answers 404}. */
public final class TestNames {

    private TestNames() {
    }

    /** The nearest enclosing test class (or the identifier itself if it is one). */
    public static Optional<TestIdentifier> testClass(TestPlan plan, TestIdentifier id) {
        TestIdentifier current = id;
        while (current != null) {
            if (current.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                return Optional.of(current);
            }
            current = plan.getParent(current).orElse(null);
        }
        return Optional.empty();
    }

    /** The display names below the test class, joined with {@code ›}. */
    public static String withinClass(TestPlan plan, TestIdentifier id) {
        Deque<String> names = new ArrayDeque<>();
        TestIdentifier current = id;
        while (current != null && current.getSource().filter(ClassSource.class::isInstance).isEmpty()) {
            names.addFirst(current.getDisplayName());
            current = plan.getParent(current).orElse(null);
        }
        return String.join(" › ", names);
    }

    public static String full(TestPlan plan, TestIdentifier id) {
        String within = withinClass(plan, id);
        String className = testClass(plan, id).map(TestIdentifier::getDisplayName).orElse("");
        return within.isEmpty() ? className : className.isEmpty() ? within : className + " › " + within;
    }
}
