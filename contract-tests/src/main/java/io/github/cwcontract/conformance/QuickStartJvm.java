package io.github.cwcontract.conformance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A run of the suite is a short burst of work in which the C2 compiler would spend more CPU time than the checks
 * themselves (measured: C2 compiling took about 70 s of CPU in a run of 20 s on two cores; C1 alone about 6 s).
 * Started as a plain {@code java -jar}, the jar therefore runs the suite in a child JVM limited to C1 and exits with
 * its exit code. With any JVM option of its own (a debugger, a heap size, ...) it runs in this JVM as it is.
 */
final class QuickStartJvm {

    private QuickStartJvm() {
    }

    /** The child's exit code, or empty when this JVM should run the suite itself. */
    static OptionalInt runInChild(String[] args) {
        if (!ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
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
