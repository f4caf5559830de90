package io.github.cwcontract.conformance.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test class of the suite meant for a mock server that answers with the contract's examples. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ConformanceTags.MOCK)
@ExtendWith(ConformanceExtension.class)
public @interface MockConformance {
}
