package dev.certsd.cli;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.RootReport;
import dev.certsd.roots.Client;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.Endpoint;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.probe.ProbeReport;
import dev.certsd.probe.RegistryProbe;
import dev.certsd.probe.Timeouts;
import dev.certsd.probe.Warmup;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code test}: connect to the registry of one host directory and show which certificate works. */
@Command(name = "test", mixinStandardHelpOptions = true)
final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOptions rootOptions;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    /** {@code --timeout}'s default, in seconds ({@link QuickCheck} sets it too). */
    static final String DEFAULT_TIMEOUT = "5";

    @Option(names = "--timeout", paramLabel = "S", defaultValue = DEFAULT_TIMEOUT, descriptionKey = "test.timeout")
    double timeoutSeconds;

    @Option(names = "--endpoint", paramLabel = "URL", descriptionKey = "test.endpoint")
    String endpoint;

    @Option(names = "--custom-roots-only", descriptionKey = "test.customRootsOnly")
    boolean customRootsOnly;

    @Parameters(paramLabel = "HOSTDIR", arity = "1", descriptionKey = "test.hostDir")
    String hostDir;

    @Override
    public Integer call() throws IOException {
        if (timeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), RootOptions.text().getString("error.timeout"));
        }
        Warmup.start(); // JSSE's start-up cost overlaps the scan
        return print(probe(prepare(spec)), spec.commandLine().getOut());
    }

    /** What the probe needs: the scanned host directory and the options. */
    record Prepared(HostReport host, ProbeOptions options) {
    }

    /**
     * Scans the host directory and sets up the probe's options; nothing is written and no connection made. A usage
     * error is picocli's ParameterException on {@code spec}'s command line ({@link QuickCheck} passes null: any
     * exception then sends the arguments to picocli, which reports it).
     */
    Prepared prepare(CommandLine.Model.CommandSpec spec) throws IOException {
        RootReport report = rootOptions.scan(spec, List.of(hostDir));
        if (report.hosts().isEmpty()) { // a name the scan did not take as a host directory
            throw new IOException(String.format(RootOptions.text().getString("error.noSuchDir"), hostDir));
        }
        HostReport host = report.hosts().get(0);
        Client client = rootOptions.client(spec);
        ProbeOptions options = ProbeOptions.defaults(client)
                .withTimeouts(Timeouts.of(Duration.ofMillis((long) (timeoutSeconds * 1000))))
                .withCustomRootsOnly(customRootsOnly);
        if (endpoint != null) {
            try {
                options = options.withEndpoint(Endpoint.parse(endpoint));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        } else if (host.hostDir().host() == null) {
            throw new IOException(String.format(RootOptions.text().getString("error.notRegistryDir"), hostDir));
        }
        return new Prepared(host, options);
    }

    static ProbeReport probe(Prepared p) {
        return new RegistryProbe(p.options()).run(p.host(), new Cancellation());
    }

    /** Prints the probe's report; the exit code: 0 when the client would succeed, else 1. */
    int print(ProbeReport probe, PrintWriter out) {
        if (json) {
            out.println(TestJson.render(probe));
        } else if (probe.modelledFor() != null) {
            new TestText(out, Locale.getDefault()).print(probe);
            out.println(CheckText.modelled(probe.modelledFor(), RootOptions.text(), Locale.getDefault()));
        } else {
            new TestText(out, Locale.getDefault()).print(probe);
        }
        return probe.prediction().success() ? 0 : 1;
    }
}
