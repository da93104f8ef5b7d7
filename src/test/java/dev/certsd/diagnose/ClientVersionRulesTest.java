package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.Client;
import dev.certsd.roots.ClientVersion;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules that differ between client releases, for the releases no machine here runs, from the clients' source
 * (quoted at each test); the installed releases are held against the real programs (RealDockerTest,
 * RealContainerdTest).
 */
class ClientVersionRulesTest {
    @TempDir
    Path root;

    private HostReport scan(Path dir, String clientAtVersion) {
        ClientVersion v = ClientVersion.parse(clientAtVersion).orElseThrow();
        return new HostScanner(Fixtures.options(v.client()).withVersion(v)).scan(dir);
    }

    /**
     * containerd {@code ConfigureHosts}, 1.6.20: {@code if options.DefaultScheme == "" || ... "http" { scheme =
     * "http" }} for a loopback registry; 1.6.25 and 1.7.7 ("HTTP fallback logic will be used when protocol is
     * ambiguous"): port 443 or none -> https, 80 -> http, any other -> HTTPS first with {@code docker.HTTPFallback}.
     */
    @ParameterizedTest
    @CsvSource({
        "containerd@1.6.20, 127.0.0.1_5000_, http, false",
        "containerd@1.6.24, 127.0.0.1_5000_, http, false",
        "containerd@1.6.25, 127.0.0.1_5000_, https, true",
        "containerd@1.7.6, 127.0.0.1_5000_, http, false",
        "containerd@1.7.7, 127.0.0.1_5000_, https, true",
        "containerd@2.0, 127.0.0.1_5000_, https, true",
        "containerd@2.0, localhost, https, false",
        "containerd@2.0, 127.0.0.1_80_, http, false",
        "containerd@1.6.20, reg.example.com_5000_, https, false",
    })
    void containerdSpeaksToALoopbackRegistryAsItsReleaseDoes(String client, String dirName, String scheme,
                                                             boolean fallback) throws Exception {
        Path dir = Files.createDirectories(root.resolve(dirName));
        ContainerdHost h = scan(dir, client).load().hosts().get(0);
        assertEquals(scheme, h.scheme(), h.toString());
        assertEquals(fallback, h.httpFallback(), h.toString());
    }

    /**
     * {@code getSortedHosts}: {@code return nil, errors.New("invalid `host` tree")} when the file has no
     * {@code [host]} table, up to 1.7.31 (and in every 1.6); {@code return nil, nil} from 1.7.32; go-toml v2 in 2.0.
     */
    @ParameterizedTest
    @CsvSource({"containerd@1.6.39, true", "containerd@1.7.31, true", "containerd@1.7.32, false",
        "containerd@2.0, false"})
    void aHostsTomlWithoutHostTableIsRefusedBefore1732(String client, boolean refused) {
        Path dir = root.resolve("reg.example.com");
        TestPki.write(dir, "hosts.toml", "server = \"https://reg.example.com\"\nca = \"ca.pem\"\n");
        TestPki.write(dir, "ca.pem", Fixtures.SERVER_CA.certPem());
        HostReport r = scan(dir, client);
        assertEquals(refused, r.findings().stream().anyMatch(f -> f.code() == FindingCode.HOSTS_TOML_INVALID
                && f.args().contains("invalid `host` tree")), r.findings().toString());
        assertEquals(refused ? List.of() : List.of("ca.pem"), r.load().caFiles());
    }

    /** {@code parseHostConfig}: {@code return hostConfig{}, fmt.Errorf("unknown capability %v", c)}, every release. */
    @Test
    void anUnknownCapabilityDropsTheFileForTheLooseFiles() {
        Path dir = root.resolve("reg.example.com");
        TestPki.write(dir, "hosts.toml", "[host.\"https://reg.example.com\"]\n  capabilities = [\"pull\", \"bogus\"]\n"
                + "  client = [[\"good.crt\", \"good.key\"]]\n");
        TestPki.write(dir, "good.crt", Fixtures.CLIENT.certPem());
        TestPki.write(dir, "good.key", Fixtures.CLIENT.keyPem());
        HostReport r = scan(dir, "containerd@2.0");
        assertTrue(r.findings().stream().anyMatch(f -> f.code() == FindingCode.HOSTS_TOML_INVALID
                && f.args().contains("unknown capability bogus")), r.findings().toString());
        assertEquals(List.of("good.crt"), r.load().caFiles(), "the loose files: good.crt is a CA there");
        assertEquals(List.of(), r.load().pairs());
    }

    /** resolver.go: {@code fmt.Errorf("no resolve hosts: %w", errdefs.ErrNotFound)} before any request. */
    @Test
    void noHostThatMayResolveIsAnErrorBeforeAnyConnection() {
        Path dir = root.resolve("reg.example.com");
        TestPki.write(dir, "hosts.toml", "server = \"https://reg.example.com\"\ncapabilities = [\"pull\"]\n"
                + "[host.\"https://mirror.example.com\"]\n  capabilities = [\"pull\"]\n");
        HostReport r = scan(dir, "containerd@1.6.20");
        assertEquals("no resolve hosts: not found", r.configError());
        assertTrue(r.findings().stream().anyMatch(f -> f.code() == FindingCode.HOSTS_TOML_NO_RESOLVE_HOST));
    }

    /** A key hosts.toml names is the key of its pair: no orphan, and the probe reads that key. */
    @Test
    void theKeyHostsTomlNamesIsNoOrphan() {
        Path dir = root.resolve("reg.example.com");
        TestPki.write(dir, "hosts.toml", "[host.\"https://reg.example.com\"]\n  client = [[\"good.crt\", \"good.key\"]]\n");
        TestPki.write(dir, "good.crt", Fixtures.CLIENT.certPem());
        TestPki.write(dir, "good.key", Fixtures.CLIENT.keyPem());
        HostReport r = scan(dir, "containerd@2.0");
        assertTrue(r.findings().stream().noneMatch(f -> f.code() == FindingCode.ORPHAN_KEY), r.findings().toString());
        assertEquals("good.key", r.load().keyFileOf("good.crt"));
        assertEquals(Verdict.Level.OK, r.verdict().level());
    }

    /** hostPaths: {@code host_port_} is looked up before {@code host:port}. */
    @Test
    void theColonFormIsNotReadWhenTheUnderscoreFormExists() throws Exception {
        Path colon = Fixtures.healthy(root.resolve("reg.example.com:5000"));
        Files.createDirectories(root.resolve("reg.example.com_5000_"));
        HostReport r = scan(colon, "containerd@1.6.20");
        assertFalse(r.certsdUsed());
        assertEquals(Verdict.Ignored.SHADOWED, r.verdict().ignoredBy());
        assertTrue(scan(colon, "docker@20.10").certsdUsed(), "Docker knows only the colon form");
    }

    /**
     * moby 20.10 {@code ReadCertsDirectory}: "missing key %s for client certificate %s. Note that CA certificates
     * should use the extension .crt" and "Missing client certificate %s for key %s"; reworded in 23.0.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "docker@20.10 | Missing client certificate client.cert for key client.key",
        "docker@23.0 | missing client certificate client.cert for key client.key",
        "containers | missing client certificate client.cert for key client.key"})
    void dockerTextsFollowTheRelease(String client, String text) {
        Path dir = root.resolve("reg.example.com");
        TestPki.write(dir, "client.key", Fixtures.CLIENT.keyPem());
        assertEquals(text, scan(dir, client).configError());
    }

    /** moby commit 6a1d8a9 (Docker 28): ::1/128 joins 127.0.0.0/8 among the built-in insecure ranges. */
    @ParameterizedTest
    @CsvSource({"27.5, false", "28.0, true", "20.10.24, false"})
    void ipv6LoopbackIsInsecureSinceDocker28(String version, boolean insecure) {
        InsecureRegistries ranges = InsecureRegistries.defaults(HostsFileResolver.of(root.resolve("none")));
        var dir = dev.certsd.roots.HostDirNames.parse("[::1]:5000", Client.DOCKER, dev.certsd.roots.OsFamily.LINUX);
        assertEquals(insecure, ranges.reasonFor(dir, ClientVersion.picked(Client.DOCKER, version)).isPresent());
        var v4 = dev.certsd.roots.HostDirNames.parse("127.0.0.1:5000", Client.DOCKER, dev.certsd.roots.OsFamily.LINUX);
        assertTrue(ranges.reasonFor(v4, ClientVersion.picked(Client.DOCKER, version)).isPresent());
    }

    @Test
    void versionsParseAndCompare() {
        ClientVersion v = ClientVersion.parse("containerd@1.6.20").orElseThrow();
        assertTrue(v.atLeast(1, 6, 20));
        assertFalse(v.atLeast(1, 6, 25));
        assertTrue(v.line(1, 6));
        assertEquals("containerd@1.6.20", v.id());
        assertTrue(ClientVersion.parse("docker@twenty").isEmpty());
        assertTrue(ClientVersion.parse("rkt@1.0").isEmpty());
        assertNull(ClientVersion.parse("containers@1.9").orElseThrow().version(), "one model for every release");
        assertEquals("20.10.24", dev.certsd.roots.InstalledVersions.versionIn(
                "Docker version 20.10.24+dfsg1, build 5d6db84").orElseThrow());
        assertEquals("1.6.20", dev.certsd.roots.InstalledVersions.versionIn(
                "containerd github.com/containerd/containerd 1.6.20~ds1 1.6.20~ds1-1+deb12u3").orElseThrow());
    }
}
