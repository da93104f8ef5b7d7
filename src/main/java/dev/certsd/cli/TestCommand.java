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

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "5", descriptionKey = "test.timeout")
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
        ProbeReport probe = new RegistryProbe(options).run(host, new Cancellation());
        if (json) {
            spec.commandLine().getOut().println(TestJson.render(probe));
        } else if (probe.modelledFor() != null) {
            new TestText(spec.commandLine().getOut(), Locale.getDefault()).print(probe);
            spec.commandLine().getOut().println(CheckText.modelled(probe.modelledFor(), RootOptions.text(),
                    Locale.getDefault()));
        } else {
            new TestText(spec.commandLine().getOut(), Locale.getDefault()).print(probe);
        }
        return probe.prediction().success() ? 0 : 1;
    }
}
