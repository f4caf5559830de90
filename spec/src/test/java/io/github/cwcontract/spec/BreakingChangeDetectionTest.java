package io.github.cwcontract.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.openapidiff.core.OpenApiCompare;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The breaking-change guard on small fixtures ({@code diff/}): {@code base.yaml} and variants of it that each make
 * one change, plus fixture changelogs.
 */
class BreakingChangeDetectionTest {

    static final String CREATE = "POST /widgets";
    static final String GET = "GET /widgets/{widget_id}";

    /** The last two because the contract tells clients that enumerations grow (see {@link BreakingChanges}). */
    @ParameterizedTest(name = "{0} is compatible")
    @ValueSource(strings = {"add-optional-response-field", "add-optional-request-field", "add-response-enum-value",
            "add-oneof-branch"})
    void compatibleChangesPass(String variant) {
        BreakingChanges changes = BreakingChanges.between(fixture("base"), fixture(variant));
        assertTrue(changes.isEmpty(), () -> variant + " reported as breaking:\n" + changes.describe());
    }

    /** Sorted, so that a test's name is the same in every run. */
    private static Set<String> operations(String... operations) {
        return new TreeSet<>(List.of(operations));
    }

    static Stream<Arguments> breakingVariants() {
        return Stream.of(
                arguments("remove-response-field", operations(CREATE, GET), "$.color: property removed"),
                arguments("remove-required-response-field", operations(CREATE, GET), "$.name: property removed"),
                arguments("make-response-field-optional", operations(CREATE, GET), "$.name: no longer required"),
                arguments("make-response-field-nullable", operations(CREATE, GET), "$.name: may now be null"),
                arguments("change-response-field-type", operations(CREATE, GET), "$.id: type integer -> string"),
                arguments("change-array-item-type", operations(CREATE, GET), "$.tags[]: type string -> integer"),
                arguments("change-type-inside-oneof", operations(CREATE, GET), "(oneOf Score).score: type integer -> string"),
                arguments("remove-field-inside-oneof", operations(CREATE, GET), "(oneOf Score).score: property removed"),
                arguments("change-request-field-type", operations(CREATE), "request body application/json $.name: type string -> integer"),
                arguments("add-required-request-field", operations(CREATE), "request body application/json $.owner: newly required"),
                arguments("change-path-parameter-type", operations(GET), "path parameter widget_id: type integer -> string"),
                arguments("remove-operation", operations(GET), "openapi-diff: operation removed"),
                arguments("inline-oneof-change-type", operations(GET), "(oneOf #2).score: type integer -> string"));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @MethodSource("breakingVariants")
    void breakingChangesAreFoundPerOperation(String variant, Set<String> operations, String reason) {
        Path base = variant.startsWith("inline-oneof") ? fixture("inline-oneof-base") : fixture("base");
        BreakingChanges changes = BreakingChanges.between(base, fixture(variant));
        assertEquals(operations, changes.byOperation.keySet(), changes::describe);
        for (String operation : operations) {
            assertTrue(changes.byOperation.get(operation).stream().anyMatch(r -> r.contains(reason)),
                    () -> operation + ": expected a reason containing '" + reason + "':\n" + changes.describe());
        }
    }

    /**
     * What openapi-diff-core 2.1.7 calls these changes on its own: the reason {@link SchemaCompatibility} exists. If
     * an upgrade starts reporting one of them, this test says so; the own check can then be reconsidered.
     */
    @ParameterizedTest(name = "openapi-diff alone misses {0}")
    @ValueSource(strings = {"remove-response-field", "make-response-field-nullable", "remove-field-inside-oneof",
            "inline-oneof-change-type"})
    void openApiDiffBlindSpots(String variant) {
        Path base = variant.startsWith("inline-oneof") ? fixture("inline-oneof-base") : fixture("base");
        assertFalse(OpenApiCompare.fromLocations(base.toString(), fixture(variant).toString()).isIncompatible(),
                variant + " is now reported incompatible by openapi-diff itself");
    }

    @Test
    void aRecordedBreakingChangePasses() {
        CompatibilityGuard guard = CompatibilityGuard.check(fixture("base"), fixture("add-required-request-field"),
                changelog("CHANGELOG-recorded.md"));
        assertEquals(List.of(), guard.problems);
    }

    @Test
    void anUnrecordedBreakingChangeFailsNamingTheHeadingToAdd() {
        CompatibilityGuard guard = CompatibilityGuard.check(fixture("base"), fixture("change-response-field-type"),
                changelog("CHANGELOG-recorded.md"));
        assertEquals(1, guard.problems.size(), () -> String.join("\n", guard.problems));
        assertTrue(guard.problems.get(0).contains("add '### " + GET + "'"), guard.problems.get(0));
    }

    @Test
    void aBreakingChangeRecordedUnderAReleaseDoesNotCount() {
        CompatibilityGuard guard = CompatibilityGuard.check(fixture("base"), fixture("add-required-request-field"),
                changelog("CHANGELOG-under-release.md"));
        assertEquals(1, guard.problems.size(), () -> String.join("\n", guard.problems));
        assertTrue(guard.problems.get(0).contains("add '### " + CREATE + "'"), guard.problems.get(0));
    }

    @Test
    void aHeadingThatNamesNoOperationFails() {
        CompatibilityGuard guard = CompatibilityGuard.check(fixture("base"), fixture("base"),
                Changelog.parse(List.of("## Unreleased", "### PATCH /widgets", "- typo", "## 1.0.0 - 2026-01-01")));
        assertEquals(List.of("'### PATCH /widgets' names no operation of the released or the current contract"),
                guard.problems);
    }

    @Test
    void aBreakingReleaseMustRaiseTheMajorVersion(@TempDir Path dir) throws IOException {
        Path bumped = dir.resolve("openapi.yaml");
        Files.writeString(bumped, Files.readString(fixture("add-required-request-field"))
                .replace("version: 1.0.0", "version: 1.1.0"));
        CompatibilityGuard guard = CompatibilityGuard.check(fixture("base"), bumped, changelog("CHANGELOG-recorded.md"));
        assertEquals(List.of("info.version 1.1.0 keeps the major version of 1.0.0 although the contract has breaking"
                + " changes: release them as 2.0.0"), guard.problems);
    }

    @Test
    void changelogFormatErrorsAreReportedWithLineNumbers() {
        Changelog changelog = Changelog.parse(List.of(
                "# Changelog",
                "## 1.0.0 - 2026-01-01",
                "### post /widgets",
                "## Unreleased",
                "### GET /widgets/{widget_id}",
                "",
                "## Next"));
        assertEquals(List.of(
                "line 3: expected '### METHOD /path' or one of [Added, Changed, Deprecated, Fixed]: ### post /widgets",
                "line 4: '## Unreleased' must come before every release",
                "line 5: the breaking change has no description",
                "line 7: expected '## Unreleased' or '## X.Y.Z - YYYY-MM-DD': ## Next"), changelog.errors);
    }

    static Path fixture(String name) {
        return resource("diff/" + name + ".yaml");
    }

    static Changelog changelog(String name) {
        return Changelog.read(resource("diff/" + name));
    }

    private static Path resource(String name) {
        URL url = BreakingChangeDetectionTest.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " missing");
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
