package io.github.cwcontract.conformance;

import io.github.cwcontract.conformance.api.PublicApi;
import io.github.cwcontract.conformance.deployment.Preflight;
import io.github.cwcontract.conformance.deployment.ReferenceServer;
import io.github.cwcontract.conformance.deployment.Target;
import io.github.cwcontract.conformance.report.ConformanceReport;
import io.github.cwcontract.conformance.report.Summary;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The runnable jar: checks a deployment of the Public API against the contract, or, without {@code --base-url},
 * the reference server started in-process.
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar chatwoot-conformance.jar [options]

              --base-url URL          root of the Chatwoot installation, e.g. https://chat.example.com
                                      (without it: start the reference server in-process and check it)
              --inbox IDENTIFIER      identifier of an API-channel inbox (required with --base-url, except --mock)
              --hmac-inbox IDENTIFIER identifier of an API inbox with identity validation (HMAC) enabled
              --hmac-token TOKEN      that inbox's HMAC token
              --mock                  the target is a mock serving the contract's examples (e.g. Prism):
                                      run the example checks only
              --report-dir DIR        where to write the reports (default target/conformance-report)
              --async-timeout SECONDS how long to wait for asynchronous effects such as the CSAT survey (default %d)
              --help                  show this help

            Exit code: 0 when nothing failed, 1 when a check failed, 2 when the run could not start.
            """.formatted(Target.DEFAULT_ASYNC_TIMEOUT.toSeconds());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(QuickStartJvm.runInChild(args).orElseGet(() -> run(args, System.out, System.err)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(USAGE);
            return 0;
        }
        Target target = options.baseUrl() == null ? null : new Target(options.baseUrl(), options.inbox(),
                options.hmacInbox(), options.hmacToken(), options.asyncTimeout());
        // building the validator and loading RestAssured take seconds: overlap them with starting or probing the target
        CompletableFuture.runAsync(() -> PublicApi.prepare(target == null ? "" : target.basePath()));
        if (target == null) {
            out.println("No --base-url: starting the reference server in-process.");
            ReferenceServer.Running server;
            try {
                server = ReferenceServer.start();
            } catch (IllegalStateException e) {
                err.println("Error: " + e.getMessage());
                return 2;
            }
            try (server) {
                return check(server.target(), false, options.reportDir(), out, err);
            }
        }
        Optional<String> problem = Preflight.problem(target, options.mock());
        if (problem.isPresent()) {
            err.println("Error: " + problem.get());
            return 2;
        }
        return check(target, options.mock(), options.reportDir(), out, err);
    }

    private static int check(Target target, boolean mock, Path reportDir, PrintStream out, PrintStream err) {
        String checks = mock ? "the contract's examples (mock mode)" : "the full suite";
        out.println("Checking " + target.describe() + " against the contract: " + checks + ".");
        String title = "Target: " + target.describe() + ". Checks: " + checks + ".";
        Summary summary = SuiteRunner.run(target.toParameters(), mock, reportDir, title, out);
        out.println();
        out.println("Reports: " + reportDir.resolve(ConformanceReport.FILE_NAME) + " and the JUnit XML in " + reportDir);
        out.println(summary.line());
        if (summary.passed() + summary.failed() + summary.skipped() == 0) {
            err.println("Error: no test ran.");
            return 1;
        }
        return summary.failed() == 0 ? 0 : 1;
    }

    /** The parsed command line. */
    record Options(URI baseUrl, String inbox, String hmacInbox, String hmacToken, boolean mock, Path reportDir,
                   Duration asyncTimeout, boolean help) {

        static Options parse(String[] args) {
            URI baseUrl = null;
            String inbox = null;
            String hmacInbox = null;
            String hmacToken = null;
            boolean mock = false;
            boolean help = false;
            Path reportDir = Path.of("target", "conformance-report");
            Duration asyncTimeout = Target.DEFAULT_ASYNC_TIMEOUT;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--base-url" -> baseUrl = url(value(args, ++i, arg));
                    case "--inbox" -> inbox = value(args, ++i, arg);
                    case "--hmac-inbox" -> hmacInbox = value(args, ++i, arg);
                    case "--hmac-token" -> hmacToken = value(args, ++i, arg);
                    case "--report-dir" -> reportDir = Path.of(value(args, ++i, arg));
                    case "--async-timeout" -> asyncTimeout = seconds(value(args, ++i, arg));
                    case "--mock" -> mock = true;
                    case "--help", "-h" -> help = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (!help) {
                if ((hmacInbox == null) != (hmacToken == null)) {
                    throw new IllegalArgumentException("--hmac-inbox and --hmac-token go together");
                }
                if (baseUrl == null && (mock || inbox != null || hmacInbox != null)) {
                    throw new IllegalArgumentException(
                            "--mock, --inbox and --hmac-inbox need --base-url (without it the reference server is checked)");
                }
                if (baseUrl != null && !mock && inbox == null) {
                    throw new IllegalArgumentException("--inbox is required with --base-url");
                }
            }
            return new Options(baseUrl, inbox, hmacInbox, hmacToken, mock, reportDir, asyncTimeout, help);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static URI url(String value) {
            try {
                URI uri = URI.create(value);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("--base-url must be an http(s) URL: " + value);
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--base-url must be an http(s) URL: " + value, e);
            }
        }

        private static Duration seconds(String value) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--async-timeout needs a number of seconds: " + value, e);
            }
        }
    }
}
