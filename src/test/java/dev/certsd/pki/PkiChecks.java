package dev.certsd.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Severity;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.Outcome;
import dev.certsd.material.CertInfo;
import dev.certsd.material.ContentReader;
import dev.certsd.plan.OpensslScript;
import dev.certsd.plan.Planned;
import dev.certsd.roots.Client;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the PKI tests check again and again: applying through the journal, the scanner's verdict, openssl. */
final class PkiChecks {
    private PkiChecks() {
    }

    static FileChanges changes(Path tmp) throws IOException {
        return new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
    }

    static void apply(FileChanges changes, Planned plan) throws IOException {
        Outcome o = changes.apply(plan.changes());
        assertInstanceOf(Outcome.Done.class, o, () -> String.valueOf(o));
    }

    /** The engine's own check: the client loads the directory without error and nothing is worth a warning. */
    static HostReport clean(Path hostDir, Client client) {
        HostReport r = Fixtures.scan(hostDir, client);
        assertNull(r.configError(), () -> "config error: " + r.configError());
        List<Finding> bad = r.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        assertTrue(bad.isEmpty(), () -> "findings: " + bad);
        return r;
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static CertInfo firstCert(Path p) throws IOException {
        return ContentReader.read(Files.readAllBytes(p)).certificates().get(0);
    }

    static String openssl(String... args) throws IOException, InterruptedException {
        Path program = ExternalTools.require("openssl", "openssl");
        List<String> cmd = new ArrayList<>(List.of(program.toString()));
        cmd.addAll(List.of(args));
        ExternalTools.Result r = ExternalTools.run(cmd, null);
        assertEquals(0, r.exitCode(), () -> cmd + "\n" + r.stdout() + r.stderr());
        return r.stdout() + r.stderr();
    }

    /** Runs the openssl script the engine showed, in bash with -e: every command must succeed. */
    static void runScript(OpensslScript script, Path workDir) throws IOException, InterruptedException {
        ExternalTools.require("openssl", "openssl");
        String text = "set -e\n" + script.render(Locale.ENGLISH);
        ExternalTools.Result r = ExternalTools.run(List.of("bash", "-c", text), workDir);
        assertEquals(0, r.exitCode(), () -> text + "\n" + r.stdout() + r.stderr());
    }

}
