package dev.certsd.cli;

import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.app.Launcher;
import dev.certsd.testing.AsNobody;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as an unprivileged user against a root-owned certs.d: {@code fix} offers the script and the
 * privilege-prompt command and changes nothing; root runs them ({@code apply-prepared} is what pkexec runs).
 */
class PrivilegedFixTest {
    @TempDir
    Path tmp;
    private Path shared;

    @AfterEach
    void removeShared() throws IOException {
        if (shared != null) {
            try (Stream<Path> walk = Files.walk(shared)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void asAUserFixOffersTheScriptAndRootsScriptFixesIt() throws Exception {
        shared = Files.createTempDirectory("certsd-nobody");
        AsNobody nobody = AsNobody.prepare(shared);
        Path root = shared.resolve("certs.d");
        Path host = Fixtures.healthy(root.resolve("reg.example.com:5000"));
        TestPki.write(host, "myca.cert", CLIENT_CA.certPem());
        for (Path p : List.of(root, host)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path journal = nobody.ownedDirectory("journal");
        TreeSnapshot before = TreeSnapshot.of(root);

        ExternalTools.Result fix = nobody.run(Launcher.class, "fix", "CA_SAVED_AS_CERT", "--root", root.toString(),
                "--journal", journal.toString(), "--daemon-json", "/nonexistent", "--hosts-file", "/nonexistent");
        assertEquals(1, fix.exitCode(), fix.stdout() + fix.stderr());
        String out = fix.stdout();
        assertTrue(out.contains("needs administrator rights; nothing is changed yet (prepared as change #1)."), out);
        assertTrue(out.contains("Run the prepared script as root"), out);
        // the package's polkit wrapper where it is installed, else this JVM with the root-safe layer's options
        assertTrue(out.contains("    pkexec /usr/lib/certsd-studio/certsd-apply-prepared /")
                || out.contains("    pkexec " + System.getProperty("java.home")
                + "/bin/java --add-opens=java.base/sun.nio.fs=ALL-UNNAMED -cp ")
                && out.contains(" dev.certsd.app.Launcher apply-prepared /"), out);
        assertEquals(before, TreeSnapshot.of(root), "nothing changed");
        Path script = Path.of(out.lines().filter(l -> l.strip().startsWith("sudo sh ")).findFirst().orElseThrow()
                .strip().substring("sudo sh ".length()));

        Path roots = Files.writeString(tmp.resolve("roots"), root + "\n");
        ExternalTools.Result sh = ExternalTools.run(List.of("env", "CERTSD_ROOTS_FILE=" + roots, "sh",
                script.toString()), tmp);
        assertEquals(0, sh.exitCode(), sh.stdout() + sh.stderr());
        assertTrue(Files.exists(host.resolve("myca.crt")) && Files.notExists(host.resolve("myca.cert")));
        assertEquals(0, check(root), "the finding is gone");

        ExternalTools.Result history = nobody.run(Launcher.class, "history", "--journal", journal.toString());
        assertTrue(history.stdout().contains("  applied  Rename myca.cert to myca.crt"), history.stdout());

        ExternalTools.Result undo = nobody.run(Launcher.class, "undo", "--journal", journal.toString());
        assertEquals(1, undo.exitCode());
        assertTrue(undo.stdout().startsWith("Undoing change #1 needs administrator rights"), undo.stdout());
        String prepared = undo.stdout().lines().filter(l -> l.strip().startsWith("pkexec ")).findFirst().orElseThrow();
        String dir = prepared.substring(prepared.lastIndexOf(' ') + 1);
        // as pkexec runs it: root, on behalf of the user who prepared it (PKEXEC_UID)
        ExternalTools.Result helper = ExternalTools.run(List.of("env", "PKEXEC_UID=" + AsNobody.UID,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/sun.nio.fs=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "apply-prepared", "--roots-file", roots.toString(), dir), tmp);
        assertEquals(0, helper.exitCode(), helper.stdout() + helper.stderr());
        assertTrue(helper.stdout().startsWith("Applied: Rename myca.cert to myca.crt"), helper.stdout());
        assertEquals(before, TreeSnapshot.of(root), "undone through the helper, byte for byte");
    }

    private static int check(Path root) {
        return CertsdCommand.run(new String[] {"check", "--root", root.toString(), "--daemon-json", "/nonexistent",
            "--hosts-file", "/nonexistent"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
