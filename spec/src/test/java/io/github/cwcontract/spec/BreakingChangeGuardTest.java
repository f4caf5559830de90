package io.github.cwcontract.spec;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract against its last release ({@code released/openapi.yaml}): every breaking change must be recorded in
 * {@code CHANGELOG.md} under {@code ## Unreleased} as {@code ### METHOD /path}, and {@code info.version} must follow
 * semantic versioning. On a release, copy {@code openapi.yaml} over the released file and date the changelog section.
 */
class BreakingChangeGuardTest {

    static final String RELEASED = "released/openapi.yaml";

    @Test
    void everyBreakingChangeSinceTheLastReleaseIsRecorded() {
        CompatibilityGuard guard = CompatibilityGuard.check(releasedSpec(), Contract.specPath(), Changelog.read(changelog()));
        assertTrue(guard.problems.isEmpty(), () -> "compared with the last release (" + releasedSpec() + "):\n  "
                + String.join("\n  ", guard.problems) + "\n\nopenapi-diff says:\n" + guard.breaking.openApiDiffReport);
    }

    static Path releasedSpec() {
        URL url = BreakingChangeGuardTest.class.getClassLoader().getResource(RELEASED);
        assertNotNull(url, "test resource " + RELEASED + " missing");
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The build passes the repository's CHANGELOG.md as {@code contract.changelog} (see this module's POM). */
    static Path changelog() {
        String configured = System.getProperty("contract.changelog");
        Path path = (configured != null && !configured.isBlank() ? Paths.get(configured) : Paths.get("..", "CHANGELOG.md"))
                .toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(path), "the changelog is missing: " + path);
        return path;
    }
}
