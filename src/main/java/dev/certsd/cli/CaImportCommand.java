package dev.certsd.cli;

import dev.certsd.roots.HostDir;
import dev.certsd.roots.HostDirNames;
import dev.certsd.pki.CaCandidate;
import dev.certsd.pki.CaImport;
import dev.certsd.pki.CaSource;
import dev.certsd.certs.PkiException;
import dev.certsd.plan.Planned;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.Endpoint;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.probe.Timeouts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-ca}: trust a CA root for a registry, from a file, pasted text, the live server or Harbor. */
@Command(name = "import-ca", mixinStandardHelpOptions = true)
final class CaImportCommand extends WriteCommand {
    @Parameters(index = "0", paramLabel = "HOSTDIR", descriptionKey = "importCa.hostDir")
    String hostDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", descriptionKey = "importCa.file")
    String file;

    @Option(names = "--from-server", descriptionKey = "importCa.fromServer")
    boolean fromServer;

    @Option(names = "--harbor", descriptionKey = "importCa.harbor")
    boolean harbor;

    @Option(names = "--endpoint", paramLabel = "URL", descriptionKey = "importCa.endpoint")
    String endpoint;

    @Option(names = "--pick", paramLabel = "SHA256", descriptionKey = "importCa.pick")
    String pick;

    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "importCa.passwordFile")
    Path passwordFile;

    @Option(names = "--file-name", paramLabel = "NAME.crt", descriptionKey = "importCa.fileName")
    String fileName;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "5", descriptionKey = "importCa.timeout")
    double timeoutSeconds;

    @Option(names = "--overwrite", descriptionKey = "importCa.overwrite")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        int sources = (file != null ? 1 : 0) + (fromServer ? 1 : 0) + (harbor ? 1 : 0);
        if (sources != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), RootOptions.text().getString("importCa.error.how"));
        }
        Path dir = HostDirArg.resolve(spec, rootOptions, hostDir);
        PkiRun run = new PkiRun(spec.commandLine().getOut(), json, "import-ca");
        CaSource source;
        try {
            source = source(run);
        } catch (PkiException e) {
            return run.refused(e.text());
        }
        if (source instanceof CaSource.NeedsPassword) {
            return run.refused(dev.certsd.files.Message.of("dev.certsd.cli.cli", "importCa.needsPassword"));
        }
        if (source instanceof CaSource.Nothing n) {
            return run.refused(n.why());
        }
        CaSource.Found found = (CaSource.Found) source;
        run.put("candidates", found.certificates().stream().map(CaImportCommand::candidate).toList());
        int i = 1;
        for (CaCandidate c : found.certificates()) {
            run.line("importCa.candidate", i++, c.subject(), c.issuer(), c.notBefore(), c.notAfter(), c.sha256(),
                    c.selfSigned() ? "root" : c.ca() ? "CA" : "-");
        }
        String chosen = pick;
        boolean fileWithOne = file != null && found.certificates().size() == 1;
        if (chosen == null && fileWithOne) {
            chosen = found.certificates().get(0).sha256(); // the user named this very file
        }
        if (chosen == null) {
            return run.refused(dev.certsd.files.Message.of("dev.certsd.cli.cli", "importCa.choose"));
        }
        Planned plan;
        try {
            plan = new CaImport(Clock.systemUTC()).plan(dir, found, chosen, fileName, overwrite);
        } catch (PkiException e) {
            return run.refused(e.text());
        }
        return run.run(plan, journal.runner(), dryRun, HostDirArg.check(spec, rootOptions, hostDir));
    }

    private CaSource source(PkiRun run) throws IOException, PkiException {
        char[] password = passwordFile == null ? null : PassphraseFile.firstLine(passwordFile);
        try {
            if (file != null && file.equals("-")) {
                return CaImport.fromInput(System.in);
            }
            if (file != null) {
                return CaImport.fromFile(Path.of(file), password);
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        if (timeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), RootOptions.text().getString("error.timeout"));
        }
        ProbeOptions options = ProbeOptions.defaults(rootOptions.client(spec))
                .withTimeouts(Timeouts.of(Duration.ofMillis((long) (timeoutSeconds * 1000))));
        Endpoint target = endpoint();
        run.put("endpoint", target.url());
        if (harbor) {
            return CaImport.fromHarbor(target, options, new Cancellation());
        }
        CaImport.ServerOffer offer = CaImport.fromServer(target, options, new Cancellation());
        run.put("tlsVersion", offer.attempt().tlsVersion());
        return offer.source();
    }

    private Endpoint endpoint() {
        if (endpoint != null) {
            try {
                return Endpoint.parse(endpoint);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        HostDir dir = HostDirNames.parse(hostDir, rootOptions.client(spec), rootOptions.osFamily(spec));
        if (dir.host() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format(RootOptions.text().getString("error.notRegistryDir"), hostDir));
        }
        return Endpoint.of(dir);
    }

    private static Map<String, Object> candidate(CaCandidate c) {
        Map<String, Object> m = new LinkedHashMap<>(PkiRun.cert(c.certificate()));
        m.put("ca", c.ca());
        m.put("root", c.selfSigned());
        return m;
    }
}
