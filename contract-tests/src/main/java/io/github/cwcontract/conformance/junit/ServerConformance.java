package io.github.cwcontract.conformance.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test class of the suite that needs a real server; its tests receive a {@code PublicApi} parameter. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ConformanceTags.SERVER)
@ExtendWith(ConformanceExtension.class)
public @interface ServerConformance {
}
