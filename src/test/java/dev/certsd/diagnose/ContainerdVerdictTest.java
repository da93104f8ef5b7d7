package dev.certsd.diagnose;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static dev.certsd.testing.Fixtures.scan;
import static dev.certsd.testing.TestPki.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What containerd makes of a host directory (hosts.toml, lone certificates, skip_verify), quoted from its source. */
class ContainerdVerdictTest {
    @TempDir
    Path root;

    private Path dir() {
        return root.resolve("reg.example.com:5000");
    }

    @Test
    void nonPemCrtIsSilentlySkippedByDockerButFailsContainerd() {
        write(dir(), "ca.crt", TestPki.der(SERVER_CA.cert()));
        assertNull(scan(dir(), Client.DOCKER).configError());
        assertEquals(List.of(), scan(dir(), Client.DOCKER).load().caFiles());
        assertEquals("unable to load CA cert \"" + dir().resolve("ca.crt") + "\"",
                scan(dir(), Client.CONTAINERD).configError());
    }

    @Test
    void containerdReadsALoneCertAsACombinedFile() {
        write(dir(), "client.cert", CLIENT.certPem() + CLIENT.keyPem());
        HostReport r = scan(dir(), Client.CONTAINERD);
        assertNull(r.configError());
        assertEquals(List.of("client.cert"), r.load().pairs());
        write(dir(), "client.cert", CLIENT.certPem());
        assertEquals("failed to load X509 key pair: tls: found a certificate rather than a key in the PEM for the private key",
                scan(dir(), Client.CONTAINERD).configError());
    }

    @Test
    void containerdLoadsAllCasBeforeAnyPair() {
        write(dir(), "a.cert", CLIENT.certPem());
        write(dir(), "z.crt", "junk");
        assertEquals("unable to load CA cert \"" + dir().resolve("z.crt") + "\"", scan(dir(), Client.CONTAINERD).configError());
    }

    @Test
    void containerdHostsTomlReplacesLooseFiles() {
        Fixtures.healthy(dir());
        write(dir(), "orphan.key", CLIENT.keyPem());
        write(dir(), "hosts.toml", "server = \"https://reg.example.com:5000\"\n[host.\"https://reg.example.com:5000\"]\n"
                + "  ca = [\"ca.crt\"]\n  client = [[\"client.cert\", \"client.key\"]]\n");
        HostReport r = scan(dir(), Client.CONTAINERD);
        assertNull(r.configError());
        assertEquals(List.of("client.cert"), r.load().pairs());
        assertEquals(List.of("ca.crt"), r.load().caFiles());
        write(dir(), "hosts.toml", "server = \"https://reg.example.com:5000\"\nca = \"missing.crt\"\n");
        assertEquals("unable to read CA cert \"" + dir().resolve("missing.crt") + "\": open " + dir().resolve("missing.crt")
                + ": no such file or directory", scan(dir(), Client.CONTAINERD).configError());
    }

    @Test
    void containerdSkipsVerificationWhenAnyEntryForTheRegistryDoes() {
        Fixtures.healthy(dir());
        String self = "https://reg.example.com:5000";
        write(dir(), "hosts.toml", "server = \"" + self + "\"\nskip_verify = true\n");
        assertTrue(skips(dir()), "the top level, for the server");
        write(dir(), "hosts.toml", "server = \"" + self + "\"\n[host.\"" + self + "\"]\n  skip_verify = true\n");
        assertTrue(skips(dir()), "the registry's own host table");
        write(dir(), "hosts.toml", "server = \"" + self + "\"\nskip_verify = true\n[host.\"" + self + "\"]\n"
                + "  skip_verify = false\n");
        assertTrue(skips(dir()), "a failed verification moves containerd on to the next entry: the server's");
        write(dir(), "hosts.toml", "server = \"" + self + "\"\n[host.\"https://mirror.example.com\"]\n"
                + "  skip_verify = true\n");
        assertFalse(skips(dir()), "a mirror's setting is the mirror's");
        assertEquals(List.of("https://mirror.example.com"), skipFindingArgs(dir()), "but it is reported");
        write(dir(), "hosts.toml", "server = \"" + self + "\"\n");
        assertFalse(skips(dir()));
        assertEquals(List.of(), skipFindingArgs(dir()));
        assertFalse(scan(dir(), Client.CONTAINERS).load().skipVerify(), "podman has no such setting");
    }

    @Test
    void containerdMatchesItsOwnDirectoryNamesAndNeverVerifiesLoopbackByDefault() {
        Path underscored = root.resolve("reg.example.com_5000_");
        Fixtures.healthy(underscored);
        write(underscored, "hosts.toml", "[host.\"https://reg.example.com:5000\"]\n  skip_verify = true\n");
        assertTrue(skips(underscored), "reg.example.com_5000_ is reg.example.com:5000");

        Path local = root.resolve("localhost:5000");
        Fixtures.healthy(local);
        assertTrue(skips(local), "loose files: ConfigureHosts skips verification for localhost");
        write(local, "hosts.toml", "skip_verify = false\n");
        assertTrue(skips(local), "no server: the default entry, whatever the file says");
        write(local, "hosts.toml", "server = \"https://localhost:5000\"\n");
        assertFalse(skips(local), "a server named explicitly is verified");
        Path port80 = root.resolve("127.0.0.1:80");
        Fixtures.healthy(port80);
        assertFalse(skips(port80), "port 80 is not ambiguous: no exception");
        assertFalse(skips(dir()), "an ordinary registry is verified");
    }

    @Test
    void aSkipVerifyThatIsNotABooleanMakesContainerdDropTheFile() {
        Fixtures.healthy(dir());
        write(dir(), "hosts.toml", "server = \"https://reg.example.com:5000\"\nskip_verify = \"true\"\n");
        HostReport r = scan(dir(), Client.CONTAINERD);
        assertFalse(r.load().skipVerify());
        assertTrue(r.files().stream().flatMap(f -> f.findings().stream())
                .anyMatch(f -> f.code() == dev.certsd.diagnose.FindingCode.HOSTS_TOML_INVALID));
    }

    private static boolean skips(Path dir) {
        return scan(dir, Client.CONTAINERD).load().skipVerify();
    }

    private static List<String> skipFindingArgs(Path dir) {
        return scan(dir, Client.CONTAINERD).files().stream().flatMap(f -> f.findings().stream())
                .filter(f -> f.code() == dev.certsd.diagnose.FindingCode.HOSTS_TOML_SKIP_VERIFY)
                .map(f -> f.args().get(0)).toList();
    }
}
