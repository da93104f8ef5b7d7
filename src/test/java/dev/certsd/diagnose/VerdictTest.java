package dev.certsd.diagnose;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static dev.certsd.testing.Fixtures.scan;
import static dev.certsd.testing.TestPki.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact text each client prints before any network I/O, quoted from its source. */
class VerdictTest {
    @TempDir
    Path root;

    private Path dir() {
        return root.resolve("reg.example.com:5000");
    }

    @Test
    void healthyDirectoryLoadsPairsAndCasWithoutError() {
        HostReport r = scan(Fixtures.healthy(dir()));
        assertNull(r.configError());
        assertEquals(List.of("client.cert"), r.load().pairs());
        assertEquals(List.of("ca.crt"), r.load().caFiles());
        assertTrue(r.load().systemRootsMerged());
        assertTrue(r.certsdUsed());
    }

    @Test
    void dockerMissingKeyUsesCurrentMobyWording() {
        write(dir(), "ca.cert", SERVER_CA.certPem());
        assertEquals("missing key ca.key for client certificate ca.cert. CA certificates must use the extension .crt",
                scan(dir(), Client.DOCKER).configError());
    }

    @Test
    void containersMissingKeyUsesContainersImageWording() {
        write(dir(), "ca.cert", SERVER_CA.certPem());
        assertEquals("missing key ca.key for client certificate ca.cert. Note that CA certificates should use the extension .crt",
                scan(dir(), Client.CONTAINERS).configError());
    }

    @Test
    void orphanKeyStopsDockerAndContainers() {
        write(dir(), "client.key", CLIENT.keyPem());
        for (Client c : List.of(Client.DOCKER, Client.CONTAINERS)) {
            assertEquals("missing client certificate client.cert for key client.key", scan(dir(), c).configError());
        }
    }

    @Test
    void orphanKeyIsIgnoredByContainerd() {
        write(dir(), "client.key", CLIENT.keyPem());
        assertNull(scan(dir(), Client.CONTAINERD).configError());
    }

    @Test
    void mismatchedPair() {
        write(dir(), "client.cert", CLIENT.certPem());
        write(dir(), "client.key", TestPki.pkcs8Pem(TestPki.rsa(9).getPrivate()));
        assertEquals("tls: private key does not match public key", scan(dir()).configError());
    }

    @Test
    void keyOfAnotherType() {
        write(dir(), "client.cert", CLIENT.certPem());
        write(dir(), "client.key", TestPki.pkcs8Pem(TestPki.ec(0).getPrivate()));
        assertEquals("tls: private key type does not match public key type", scan(dir()).configError());
    }

    @Test
    void encryptedKeysCannotBeParsed() {
        write(dir(), "client.cert", CLIENT.certPem());
        write(dir(), "client.key", TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "secret"));
        assertEquals("tls: failed to parse private key", scan(dir()).configError());
        write(dir(), "client.key", TestPki.legacyEncryptedPem(CLIENT.keys().getPrivate(), "secret"));
        assertEquals("tls: failed to parse private key", scan(dir()).configError());
    }

    @Test
    void traditionalAndPkcs8KeysAllLoad() {
        TestPki.Issued ec = TestPki.cert("CN=ec client").keys(TestPki.ec(1)).issuer(CLIENT_CA).clientAuth().build();
        write(dir(), "a.cert", CLIENT.certPem());
        write(dir(), "a.key", TestPki.traditionalPem(CLIENT.keys().getPrivate()));
        write(dir(), "b.cert", ec.certPem());
        write(dir(), "b.key", TestPki.traditionalPem(ec.keys().getPrivate()));
        write(dir(), "c.cert", ec.certPem());
        write(dir(), "c.key", TestPki.pkcs8Pem(ec.keys().getPrivate()));
        HostReport r = scan(dir());
        assertNull(r.configError());
        assertEquals(List.of("a.cert", "b.cert", "c.cert"), r.load().pairs());
    }

    @Test
    void x25519KeyInPkcs8IsAnUnknownType() throws Exception {
        write(dir(), "client.cert", CLIENT.certPem());
        write(dir(), "client.key", TestPki.pkcs8Pem(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate()));
        assertEquals("tls: found unknown private key type in PKCS#8 wrapping", scan(dir()).configError());
    }

    @Test
    void goKeyPairErrorsForEachBadInput() {
        write(dir(), "client.key", CLIENT.keyPem());
        write(dir(), "client.cert", "");
        assertEquals("tls: failed to find any PEM data in certificate input", scan(dir()).configError());
        write(dir(), "client.cert", CLIENT.keyPem());
        assertEquals("tls: failed to find certificate PEM data in certificate input, but did find a private key;"
                + " PEM inputs may have been switched", scan(dir()).configError());
        write(dir(), "client.cert", TestPki.csrPem("CN=client", CLIENT.keys()));
        assertEquals("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks"
                + " of the following types: [CERTIFICATE REQUEST]", scan(dir()).configError());
        write(dir(), "client.cert", CLIENT.certPem());
        write(dir(), "client.key", "");
        assertEquals("tls: failed to find any PEM data in key input", scan(dir()).configError());
        write(dir(), "client.key", CLIENT.certPem());
        assertEquals("tls: found a certificate rather than a key in the PEM for the private key", scan(dir()).configError());
    }

    @Test
    void theFirstErrorInNameOrderWins() {
        write(dir(), "a.key", CLIENT.keyPem());
        write(dir(), "b.cert", CLIENT.certPem());
        HostReport r = scan(dir());
        assertEquals("missing client certificate a.cert for key a.key", r.configError());
        assertEquals("a.key", r.load().errorFile());
        assertEquals(2, r.count(Severity.ERROR), "both files still have their findings");
    }

    @Test
    void namesAreOrderedByBytesUppercaseFirst() {
        TestPki.Issued other = TestPki.cert("CN=other").keys(TestPki.rsa(4)).issuer(CLIENT_CA).clientAuth().build();
        TestPki.pair(dir(), "a", CLIENT);
        TestPki.pair(dir(), "B", other);
        assertEquals(List.of("B.cert", "a.cert"), scan(dir()).load().pairs());
        assertEquals(List.of("B.cert", "B.key", "a.cert", "a.key"),
                scan(dir()).files().stream().map(FileReport::name).toList());
    }

    @Test
    void extensionsAreCaseSensitive() {
        write(dir(), "ca.CRT", SERVER_CA.certPem());
        write(dir(), "client.Key", CLIENT.keyPem());
        HostReport r = scan(dir());
        assertNull(r.configError());
        assertEquals(List.of(), r.load().caFiles());
        assertTrue(r.findings().stream().allMatch(f -> f.code() == FindingCode.IGNORED_CERTIFICATE_FILE));
    }

    @Test
    void brokenSymlinkCrtStopsDockerButContainersGoesOn() throws Exception {
        Fixtures.healthy(dir());
        Path link = dir().resolve("b.crt");
        Files.createSymbolicLink(link, dir().resolve("nowhere"));
        assertEquals("open " + link + ": no such file or directory", scan(dir(), Client.DOCKER).configError());
        HostReport podman = scan(dir(), Client.CONTAINERS);
        assertNull(podman.configError());
        assertEquals(List.of("client.cert"), podman.load().pairs());
    }

    @Test
    void symlinkLoopAndDirectoryErrors() throws Exception {
        Path loop = dir().resolve("loop.crt");
        Files.createDirectories(dir());
        Files.createSymbolicLink(loop, loop);
        assertEquals("open " + loop + ": too many levels of symbolic links", scan(dir()).configError());
        Files.delete(loop);
        Files.createDirectories(dir().resolve("sub.crt"));
        assertEquals("read " + dir().resolve("sub.crt") + ": is a directory", scan(dir()).configError());
    }

    @Test
    void fifoMakesTheClientBlockAndIsNeverOpened() throws Exception {
        Fixtures.healthy(dir());
        FindingFixtures.run("mkfifo", dir().resolve("b.crt").toString());
        HostReport r = scan(dir());
        assertEquals("b.crt", r.load().blocksOn());
        assertNull(r.configError());
    }

    @Test
    void loopbackRegistriesAreInsecureForDockerOnly() {
        Path local = root.resolve("localhost:5000");
        write(local, "client.key", CLIENT.keyPem());
        HostReport docker = scan(local, Client.DOCKER);
        assertFalse(docker.certsdUsed());
        assertNull(docker.configError());
        assertFalse(docker.hasErrors(), "a directory Docker ignores cannot break Docker");
        HostReport podman = scan(local, Client.CONTAINERS);
        assertTrue(podman.certsdUsed());
        assertEquals("missing client certificate client.cert for key client.key", podman.configError());
    }

    @Test
    void daemonJsonEntriesMakeRegistriesInsecure() {
        InsecureRegistries insecure = InsecureRegistries.of(List.of("myreg:5000", "http://10.1.0.0/16"),
                HostsFileResolver.of(Path.of("/nonexistent")));
        ScanOptions options = Fixtures.options(Client.DOCKER).withInsecure(insecure);
        assertFalse(new HostScanner(options).scan(Fixtures.healthy(root.resolve("myreg:5000"))).certsdUsed());
        assertFalse(new HostScanner(options).scan(Fixtures.healthy(root.resolve("10.1.2.3:5000"))).certsdUsed());
        assertTrue(new HostScanner(options).scan(Fixtures.healthy(root.resolve("myreg:5001"))).certsdUsed());
    }

    @Test
    void windowsDockerUsesCustomRootsInsteadOfSystemRoots() {
        ScanOptions windows = new ScanOptions(Client.DOCKER, OsFamily.WINDOWS, java.time.Clock.systemUTC(), 30,
                InsecureRegistries.defaults(h -> List.of()), false, ScanOptions.DEFAULT_MAX_FILE_BYTES);
        HostReport r = new HostScanner(windows).scan(Fixtures.healthy(root.resolve("myreg5000")));
        assertFalse(r.load().systemRootsMerged());
        assertEquals(List.of("myreg5000", "myreg:5000"), r.hostDir().references());
    }

    @Test
    void aRootIsIssuedByNoOtherFileButARekeyedCaOfTheSameNameIsLinkedToItsSigner() {
        Fixtures.healthy(dir());
        TestPki.write(dir(), "ca-copy.crt", Fixtures.SERVER_CA.certPem());
        // the registry CA's name on a new key, signed with the old one: self-issued, not self-signed
        TestPki.Issued rekeyed = TestPki.cert("O=Certs.d Test,CN=Registry CA").keys(TestPki.ec(7))
                .issuer(Fixtures.SERVER_CA).ca().build();
        TestPki.write(dir(), "rekeyed.crt", rekeyed.certPem());
        HostReport r = scan(dir());
        java.util.function.Function<String, List<String>> issuedBy = name -> r.files().stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow().issuedBy();
        assertEquals(List.of(), issuedBy.apply("ca.crt"));
        assertEquals(List.of(), issuedBy.apply("ca-copy.crt"));
        assertEquals(List.of("ca-copy.crt", "ca.crt"), issuedBy.apply("rekeyed.crt"));
    }

    @Test
    void clientCertificatesAreLinkedToTheCaFileThatIssuedThem() {
        Fixtures.healthy(dir());
        TestPki.write(dir(), "client-ca.crt", CLIENT_CA.certPem());
        HostReport r = scan(dir());
        FileReport client = r.files().stream().filter(f -> f.name().equals("client.cert")).findFirst().orElseThrow();
        assertEquals(List.of("client-ca.crt"), client.issuedBy());
        FileReport ca = r.files().stream().filter(f -> f.name().equals("ca.crt")).findFirst().orElseThrow();
        assertEquals(List.of(), ca.issuedBy());
    }
}
