package io.github.cwcontract.conformance.junit;

/** The JUnit tags that split the suite into what needs a real server and what a mock can answer. */
public final class ConformanceTags {

    /** Stateful and behaviour checks: need a real deployment (or the reference server). */
    public static final String SERVER = "conformance-server";

    /** Example checks for a mock that answers the contract's examples (Prism). */
    public static final String MOCK = "conformance-mock";

    private ConformanceTags() {
    }
}
