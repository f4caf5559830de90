package io.github.cwcontract.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code CHANGELOG.md} in the format its own introduction defines: {@code ## Unreleased} first, then
 * {@code ## X.Y.Z - YYYY-MM-DD} per release, newest first; under a version, a {@code ### METHOD /path} heading
 * records a breaking change of that operation, and {@code ### Added|Changed|Deprecated|Fixed} hold compatible ones.
 */
final class Changelog {

    static final String UNRELEASED = "Unreleased";

    private static final Pattern VERSION = Pattern.compile("## (Unreleased|(\\d+\\.\\d+\\.\\d+) - \\d{4}-\\d{2}-\\d{2})");
    private static final Pattern OPERATION = Pattern.compile("### (GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS|TRACE) (/\\S*)");
    private static final List<String> COMPATIBLE_SECTIONS = List.of("Added", "Changed", "Deprecated", "Fixed");

    /** Version ("Unreleased" or X.Y.Z) to the operations ({@code METHOD /path}) recorded as broken in it. */
    final Map<String, List<String>> breakingByVersion = new LinkedHashMap<>();
    /** Format errors, with line numbers. */
    final List<String> errors = new ArrayList<>();

    static Changelog read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Changelog parse(List<String> lines) {
        Changelog changelog = new Changelog();
        String version = null;
        String openRecord = null;
        boolean recordHasText = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            int number = i + 1;
            boolean heading = line.startsWith("## ") || line.startsWith("### ");
            if (heading && openRecord != null && !recordHasText) {
                changelog.errors.add("line " + openRecord + ": the breaking change has no description");
            }
            if (heading) {
                openRecord = null;
            }
            if (line.startsWith("## ")) {
                Matcher matcher = VERSION.matcher(line);
                if (!matcher.matches()) {
                    changelog.errors.add("line " + number + ": expected '## Unreleased' or '## X.Y.Z - YYYY-MM-DD': " + line);
                    version = null;
                    continue;
                }
                version = matcher.group(2) == null ? UNRELEASED : matcher.group(2);
                if (version.equals(UNRELEASED) && !changelog.breakingByVersion.isEmpty()) {
                    changelog.errors.add("line " + number + ": '## Unreleased' must come before every release");
                }
                if (changelog.breakingByVersion.putIfAbsent(version, new ArrayList<>()) != null) {
                    changelog.errors.add("line " + number + ": version " + version + " appears twice");
                }
            } else if (line.startsWith("### ")) {
                if (version == null) {
                    changelog.errors.add("line " + number + ": section outside a version: " + line);
                    continue;
                }
                Matcher matcher = OPERATION.matcher(line);
                if (matcher.matches()) {
                    changelog.breakingByVersion.get(version).add(matcher.group(1) + " " + matcher.group(2));
                    openRecord = String.valueOf(number);
                    recordHasText = false;
                } else if (!COMPATIBLE_SECTIONS.contains(line.substring(4))) {
                    changelog.errors.add("line " + number + ": expected '### METHOD /path' or one of "
                            + COMPATIBLE_SECTIONS + ": " + line);
                }
            } else if (openRecord != null && !line.isBlank()) {
                recordHasText = true;
            }
        }
        if (openRecord != null && !recordHasText) {
            changelog.errors.add("line " + openRecord + ": the breaking change has no description");
        }
        if (!changelog.breakingByVersion.containsKey(UNRELEASED)) {
            changelog.errors.add("no '## Unreleased' section");
        }
        return changelog;
    }

    List<String> unreleasedBreaking() {
        return breakingByVersion.getOrDefault(UNRELEASED, List.of());
    }

    /** The newest released version, or null before the first release. */
    String latestRelease() {
        return breakingByVersion.keySet().stream().filter(v -> !v.equals(UNRELEASED)).findFirst().orElse(null);
    }
}
