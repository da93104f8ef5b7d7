package dev.certsd.diagnose;

import static dev.certsd.testing.Fixtures.SERVER_CA;
import static dev.certsd.testing.TestPki.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every entry of a certs root is classified as the client treats it when it looks the registry up. */
class RootEntriesTest {
    private static final String NAME = "reg.example.com:5000";

    @TempDir
    Path root;

    private RootReport scan(Client client, String... only) throws IOException {
        return new RootScanner(Fixtures.options(client)).scan(CertsRoot.custom(root, client), List.of(only));
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aFileNamedLikeAHostDirectoryStopsTheClientWithItsOwnError(Client client) throws IOException {
        write(root, NAME, SERVER_CA.certPem());
        HostReport h = scan(client).hosts().get(0);
        String expected = client == Client.CONTAINERD
                ? "open " + root.resolve(NAME).resolve("hosts.toml") + ": not a directory"
                : "readdirent " + root.resolve(NAME) + ": not a directory";
        assertEquals(Verdict.Level.CONFIG_ERROR, h.verdict().level());
        assertEquals(expected, h.verdict().clientError());
        assertEquals(List.of(FindingCode.HOST_DIR_NOT_A_DIRECTORY), h.findings().stream().map(Finding::code).toList());
        assertTrue(scan(client).hasErrors());
    }

    @Test
    void aFileNamedLikeAHostDirectoryCanBeNamedOnItsOwn() throws IOException {
        write(root, NAME, SERVER_CA.certPem());
        assertEquals(Verdict.Level.CONFIG_ERROR, scan(Client.CONTAINERS, NAME).hosts().get(0).verdict().level());
    }

    @Test
    void aFileNamedLikeAFileStaysAStrayFile() throws IOException {
        write(root, "ca.crt", SERVER_CA.certPem());
        write(root, "notes.txt", "x");
        RootReport r = scan(Client.DOCKER);
        assertEquals(List.of(), r.hosts());
        assertEquals(List.of(FindingCode.STRAY_FILE_IN_ROOT, FindingCode.STRAY_FILE_IN_ROOT),
                r.findings().stream().map(Finding::code).toList());
    }

    @Test
    void aLinkedHostDirectoryIsFollowedAsTheClientsDo() throws IOException {
        Fixtures.healthy(root.resolve("real"));
        Files.createSymbolicLink(root.resolve(NAME), Path.of("real"));
        HostReport h = scan(Client.DOCKER, NAME).hosts().get(0);
        assertEquals(Verdict.Level.OK, h.verdict().level());
        assertEquals(List.of("client.cert"), h.load().pairs());
        assertEquals(List.of(FindingCode.HOST_DIR_SYMLINK), h.findings().stream().map(Finding::code).toList());
    }

    @Test
    void aDanglingLinkLoadsNothingAndSaysSo() throws IOException {
        Files.createSymbolicLink(root.resolve(NAME), Path.of("gone"));
        HostReport h = scan(Client.DOCKER).hosts().get(0);
        assertNull(h.configError());
        assertEquals(List.of(), h.load().caFiles());
        assertEquals(List.of(FindingCode.HOST_DIR_DANGLING_LINK), h.findings().stream().map(Finding::code).toList());
        assertEquals(Severity.WARNING, h.findings().get(0).severity());
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aLinkThatLoopsStopsTheClientAsGoReportsIt(Client client) throws IOException {
        Files.createSymbolicLink(root.resolve(NAME), Path.of(NAME));
        HostReport h = scan(client).hosts().get(0);
        assertEquals((client == Client.DOCKER ? "open " : "stat ") + root.resolve(NAME)
                + ": too many levels of symbolic links", h.verdict().clientError());
        assertEquals(List.of(FindingCode.HOST_DIR_LINK_LOOP), h.findings().stream().map(Finding::code).toList());
    }

    @Test
    void anInsecureRegistryNamedByAFileIsStillIgnoredByDocker() throws IOException {
        write(root, "127.0.0.1:5443", "x");
        HostReport h = scan(Client.DOCKER).hosts().get(0);
        assertEquals(Verdict.Level.IGNORED, h.verdict().level());
        assertEquals(Verdict.Level.CONFIG_ERROR, scan(Client.CONTAINERS).hosts().get(0).verdict().level());
    }

    @Test
    void aPathIsNeverAHostDirectoryName() {
        Fixtures.healthy(root.resolve(NAME));
        assertThrows(NoSuchFileException.class, () -> scan(Client.DOCKER, root.resolve(NAME).toString()));
        assertThrows(NoSuchFileException.class, () -> scan(Client.DOCKER, "missing.example.com"));
    }
}
