package io.github.cwcontract.conformance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A run of the suite is a short burst of work in which the C2 compiler would spend more CPU time than the checks
 * themselves (measured: about half of a run's CPU time on two cores). So, unless the JVM was given compiler settings
 * of its own, the jar runs the suite in a child JVM limited to the C1 compiler, with the same options and
 * arguments, and exits with its exit code.
 */
final class QuickStartJvm {

    /** Set in the child, so that it does not start another one; {@code -Dconformance.fork=false} also opts out. */
    private static final String FORK_PROPERTY = "conformance.fork";

    private QuickStartJvm() {
    }

    /** The child's exit code, or empty when this JVM should run the suite itself. */
    static OptionalInt runInChild(String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean ownCompilerSettings = jvmOptions.stream()
                .anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel") || o.contains("TieredCompilation"));
        if (ownCompilerSettings || "false".equals(System.getProperty(FORK_PROPERTY))) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-D" + FORK_PROPERTY + "=false");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stopChild = new Thread(child::destroy);
            Runtime.getRuntime().addShutdownHook(stopChild);
            int exitCode = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return OptionalInt.of(exitCode);
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }
}
