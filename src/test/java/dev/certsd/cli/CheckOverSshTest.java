package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.remote.SshSettings;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.RealSshd;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --ssh} against a real OpenSSH server on loopback gives the local answer. */
class CheckOverSshTest {
    @TempDir
    static Path dir;
    static RealSshd sshd;
    static Path sample;

    @BeforeAll
    static void start() throws Exception {
        sshd = RealSshd.start(dir.resolve("sshd"));
        sample = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("data"));
        System.setProperty(SshSettings.SSH_DIR_PROPERTY, sshd.sshDir().toString());
    }

    @AfterAll
    static void stop() {
        System.clearProperty(SshSettings.SSH_DIR_PROPERTY);
        if (sshd != null) {
            sshd.close();
        }
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--daemon-json", dir.resolve("no-daemon.json").toString(),
                "--hosts-file", "/etc/hosts"));
        int code = CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkOverSshGivesTheSameJsonAsTheLocalCheckOfTheSampleRoot() throws Exception {
        sshd.trustHostKey();
        // a release picked for both: over SFTP the remote machine's installed dockerd cannot be asked its version
        Run local = run("check", "--client", "docker@28.0", "--root", sample.toString(), "--json");
        Run remote = run("check", "--client", "docker@28.0", "--ssh", sshd.target(), "--root", sample.toString(),
                "--json");
        assertEquals("", remote.err());
        assertEquals(local.code(), remote.code());
        assertEquals(1, remote.code(), "the sample has broken directories");
        Map<String, Object> l = JSON.std.mapFrom(local.out());
        Map<String, Object> r = JSON.std.mapFrom(remote.out());
        l.remove("scannedAt");
        r.remove("scannedAt");
        assertEquals(l, r);
        assertEquals(SampleRoot.HOST_DIRS.size(), ((List<?>) r.get("hosts")).size());
    }

    @Test
    void withNoReleasePickedTheRemoteMachinesInstalledReleaseIsModelledAsTheLocalOneIs() throws Exception {
        sshd.trustHostKey();
        Run local = run("check", "--root", sample.toString(), "--json");
        Run remote = run("check", "--ssh", sshd.target(), "--root", sample.toString(), "--json");
        assertEquals("", remote.err());
        Map<String, Object> l = JSON.std.mapFrom(local.out());
        Map<String, Object> r = JSON.std.mapFrom(remote.out());
        assertEquals(l.get("clientVersion"), r.get("clientVersion"), "the same machine, read both ways");
        l.remove("scannedAt");
        r.remove("scannedAt");
        assertEquals(l, r);
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintAndTrustedOnlyWhenConfirmed() throws Exception {
        Files.deleteIfExists(sshd.sshDir().resolve("known_hosts"));
        String fp = sshd.fingerprint();
        Run refused = run("check", "--ssh", sshd.target(), "--root", sample.toString(), "--json");
        assertEquals(2, refused.code());
        assertEquals("", refused.out(), "nothing read, nothing printed");
        assertTrue(refused.err().contains(fp) && refused.err().contains("--accept-host-key"), refused.err());
        Run confirmed = run("check", "--ssh", sshd.target(), "--accept-host-key", fp, "--root", sample.toString(),
                "--json", SampleRoot.HEALTHY);
        assertEquals(0, confirmed.code(), confirmed.err());
        assertTrue(Files.readString(sshd.sshDir().resolve("known_hosts")).contains("[127.0.0.1]:" + sshd.port()));
    }

    @Test
    void aMachineThatIsNotAMachineIsAUsageError() {
        Run r = run("check", "--ssh", "user@@host", "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("user@@host"), r.err());
        Run missing = run("check", "--ssh", sshd.target(), "--root", dir.resolve("nowhere").toString(), "--json");
        assertEquals(2, missing.code());
        assertFalse(missing.err().isBlank());
    }
}
