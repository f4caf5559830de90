package io.github.cwcontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compatibility policy, checked: every breaking change since the last release is recorded in the changelog
 * under its operation, and {@code info.version} follows semantic versioning.
 */
final class CompatibilityGuard {

    record Version(int major, int minor, int patch) implements Comparable<Version> {
        static Version parse(String text) {
            String[] parts = text.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a version X.Y.Z: " + text);
            }
            return new Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch).compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options", "trace");

    final BreakingChanges breaking;
    final List<String> problems = new ArrayList<>();

    private CompatibilityGuard(BreakingChanges breaking) {
        this.breaking = breaking;
    }

    static CompatibilityGuard check(Path releasedSpec, Path currentSpec, Changelog changelog) {
        CompatibilityGuard guard = new CompatibilityGuard(BreakingChanges.between(releasedSpec, currentSpec));
        guard.problems.addAll(changelog.errors);

        Version released = Version.parse(infoVersion(releasedSpec));
        Version current = Version.parse(infoVersion(currentSpec));
        if (changelog.latestRelease() != null && !released.equals(Version.parse(changelog.latestRelease()))) {
            guard.problems.add("the newest release in the changelog is " + changelog.latestRelease()
                    + " but the released contract says " + released);
        }
        List<String> releases = changelog.breakingByVersion.keySet().stream()
                .filter(v -> !v.equals(Changelog.UNRELEASED)).toList();
        for (int i = 1; i < releases.size(); i++) {
            if (Version.parse(releases.get(i - 1)).compareTo(Version.parse(releases.get(i))) <= 0) {
                guard.problems.add("the changelog lists release " + releases.get(i - 1) + " before the older "
                        + releases.get(i) + ": newest first");
            }
        }
        if (current.compareTo(released) < 0) {
            guard.problems.add("info.version " + current + " is lower than the released " + released);
        }
        if (!current.equals(released) && !guard.breaking.isEmpty() && current.major() <= released.major()) {
            guard.problems.add("info.version " + current + " keeps the major version of " + released
                    + " although the contract has breaking changes: release them as " + (released.major() + 1) + ".0.0");
        }

        Set<String> recorded = new TreeSet<>(changelog.unreleasedBreaking());
        for (String operation : guard.breaking.byOperation.keySet()) {
            if (!recorded.contains(operation)) {
                guard.problems.add("breaking change not recorded under '## " + Changelog.UNRELEASED + "': add '### "
                        + operation + "' with a description:\n" + indent(guard.breaking.byOperation.get(operation)));
            }
        }
        Set<String> known = new TreeSet<>(operations(releasedSpec));
        known.addAll(operations(currentSpec));
        for (String operation : recorded) {
            if (!known.contains(operation)) {
                guard.problems.add("'### " + operation + "' names no operation of the released or the current contract");
            }
        }
        return guard;
    }

    /** {@code METHOD /path} of every operation in the document as written. */
    private static Set<String> operations(Path spec) {
        Set<String> operations = new TreeSet<>();
        readYaml(spec).path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (METHODS.contains(key)) {
                operations.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    private static String indent(List<String> reasons) {
        return String.join("\n", reasons.stream().map(r -> "    - " + r).toList());
    }

    private static String infoVersion(Path spec) {
        return readYaml(spec).path("info").path("version").asText();
    }

    private static JsonNode readYaml(Path spec) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(spec.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + spec, e);
        }
    }
}
