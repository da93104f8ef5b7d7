package dev.certsd.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.Message;
import dev.certsd.files.Outcome;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.roots.RootKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewHostDirectoryTest {
    @TempDir
    Path tmp;

    private static final InsecureRegistries DEFAULTS = InsecureRegistries.defaults(
            HostsFileResolver.of(Path.of("/nonexistent-hosts")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "registry.example.com|registry.example.com|",
        "reg.local:5000|reg.local:5000|",
        "10.0.0.5:5000|10.0.0.5:5000|",
        "[::1]:5000|[::1]:5000|",
        "localhost:5000|localhost:5000|",
        "  reg.example.com:5000  |reg.example.com:5000|",
        "https://reg.example.com/v2/|reg.example.com|registry.note.scheme",
        "http://reg.example.com:5000|reg.example.com:5000|registry.note.http",
        "reg.example.com:443|reg.example.com|registry.note.port443",
        "reg.example.com:5000/team/app:1.0|reg.example.com:5000|registry.note.path"})
    void registriesAsTypedInDockerPullGiveTheirDirectoryName(String typed, String registry, String note) {
        RegistryInput.Valid v = assertInstanceOf(RegistryInput.Valid.class, RegistryInput.parse(typed));
        assertEquals(registry, v.registry());
        assertEquals(note == null ? List.of() : List.of(note), v.notes().stream().map(Message::key).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|registry.empty",
        "ubuntu|registry.hubImage",
        "myteam/app|registry.hubImage",
        "reg example.com|registry.space",
        "ftp://reg.example.com|registry.scheme",
        "user:pw@reg.example.com|registry.userinfo",
        "reg.example.com:99999|registry.port",
        "::1:5000|registry.ipv6",
        "reg_x.example.com|registry.notHost"})
    void whatIsNotARegistryIsRefusedWithTheReason(String typed, String key) {
        RegistryInput.Invalid i = assertInstanceOf(RegistryInput.Invalid.class, RegistryInput.parse(typed));
        assertEquals(key, i.problem().key());
    }

    private static RegistryInput.Valid valid(String typed) {
        return (RegistryInput.Valid) RegistryInput.parse(typed);
    }

    private static List<String> warnings(HostTarget t) {
        return t.warnings().stream().map(Message::key).toList();
    }

    @Test
    void dockerIgnoresLoopbackAndHubButPodmanReadsLoopback() {
        CertsRoot docker = new CertsRoot(tmp.resolve("docker"), RootKind.CUSTOM, Client.DOCKER);
        CertsRoot podman = new CertsRoot(tmp.resolve("podman"), RootKind.PODMAN_USER, Client.CONTAINERS);
        HostTarget loop = HostTarget.of(valid("127.0.0.1:5000"), docker, OsFamily.LINUX, DEFAULTS);
        assertEquals(List.of("host.insecure.LOOPBACK_ADDRESS"), warnings(loop));
        assertTrue(loop.ignoredByClient());
        assertTrue(HostTarget.of(valid("[::1]:5000"), docker, OsFamily.LINUX, DEFAULTS).ignoredByClient());
        assertFalse(HostTarget.of(valid("127.0.0.1:5000"), podman, OsFamily.LINUX, DEFAULTS).ignoredByClient());
        assertEquals(List.of("host.insecure.DOCKER_HUB"),
                warnings(HostTarget.of(valid("docker.io"), docker, OsFamily.LINUX, DEFAULTS)));
        InsecureRegistries daemon = InsecureRegistries.of(List.of("reg.example.com:5000", "10.0.0.0/8"),
                HostsFileResolver.of(Path.of("/nonexistent-hosts")));
        assertEquals(List.of("host.insecure.DAEMON_JSON_NAME"),
                warnings(HostTarget.of(valid("reg.example.com:5000"), docker, OsFamily.LINUX, daemon)));
        assertEquals(List.of("host.insecure.DAEMON_JSON_RANGE"),
                warnings(HostTarget.of(valid("10.0.0.5:5000"), docker, OsFamily.LINUX, daemon)));
        assertTrue(warnings(HostTarget.of(valid("reg.example.com"), docker, OsFamily.LINUX, DEFAULTS)).isEmpty());
    }

    @Test
    void windowsStripsTheColonAndDesktopNeedsARestart() {
        CertsRoot windows = new CertsRoot(tmp.resolve("win"), RootKind.DOCKER_WINDOWS, Client.DOCKER);
        HostTarget t = HostTarget.of(valid("myreg.example.com:5000"), windows, OsFamily.WINDOWS, DEFAULTS);
        assertEquals("myreg.example.com5000", t.dirName());
        assertEquals(List.of("host.windowsName"), warnings(t));
        CertsRoot desktop = new CertsRoot(tmp.resolve("desk"), RootKind.DOCKER_DESKTOP, Client.DOCKER);
        HostTarget d = HostTarget.of(valid("reg.example.com:5000"), desktop, OsFamily.MAC, DEFAULTS);
        assertEquals("reg.example.com:5000", d.dirName());
        assertEquals(List.of("host.desktopRestart"), warnings(d));
    }

    @Test
    void missingDirectoriesAreMadeRootFirstAndNothingWhenAllExist() throws Exception {
        CertsRoot root = new CertsRoot(tmp.resolve("home/.config/containers/certs.d"), RootKind.PODMAN_USER,
                Client.CONTAINERS);
        RegistryInput.Valid reg = valid("reg.example.com:5000");
        List<HostTarget> targets = NewHostDirectory.targets(reg, List.of(root), OsFamily.LINUX, DEFAULTS);
        Planned plan = NewHostDirectory.plan(reg, targets).orElseThrow();
        assertEquals(5, plan.changes().ops().size(), "home, .config, containers, certs.d, the host directory");
        Outcome applied = new FileChanges(Journal.open(tmp.resolve("journal")), tmp).apply(plan.changes());
        assertInstanceOf(Outcome.Done.class, applied, () -> String.valueOf(applied));
        Path dir = root.path().resolve("reg.example.com:5000");
        assertTrue(Files.isDirectory(dir));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(Optional.empty(), NewHostDirectory.plan(reg,
                NewHostDirectory.targets(reg, List.of(root), OsFamily.LINUX, DEFAULTS)));
    }
}
