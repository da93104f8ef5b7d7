package dev.certsd.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsecureRegistriesTest {
    private static HostDir dir(String name) {
        return HostDirNames.parse(name, Client.DOCKER, OsFamily.LINUX);
    }

    private static InsecureRegistries.Reason.Kind kind(InsecureRegistries i, String name) {
        return i.reasonFor(dir(name)).map(InsecureRegistries.Reason::kind).orElse(null);
    }

    @Test
    void loopbackAddressesAreAlwaysInsecure() {
        InsecureRegistries i = InsecureRegistries.defaults(h -> List.of());
        assertEquals(InsecureRegistries.Reason.Kind.LOOPBACK_ADDRESS, kind(i, "127.0.0.1:5000"));
        assertEquals(InsecureRegistries.Reason.Kind.LOOPBACK_ADDRESS, kind(i, "127.8.9.1"));
        assertEquals(InsecureRegistries.Reason.Kind.LOOPBACK_ADDRESS, kind(i, "[::1]:5000"));
        assertEquals(null, kind(i, "10.0.0.5:5000"));
    }

    @Test
    void namesAreResolvedBeforeMatching(@TempDir Path tmp) throws IOException {
        Path hosts = Files.writeString(tmp.resolve("hosts"), "127.0.1.1 devbox devbox.lan # comment\n10.0.0.9 reg\n");
        InsecureRegistries i = InsecureRegistries.defaults(HostsFileResolver.of(hosts));
        assertEquals(InsecureRegistries.Reason.Kind.RESOLVES_TO_LOOPBACK, kind(i, "localhost:5000"));
        assertEquals(InsecureRegistries.Reason.Kind.RESOLVES_TO_LOOPBACK, kind(i, "devbox.lan:5000"));
        assertEquals(null, kind(i, "reg:5000"));
    }

    @Test
    void daemonJsonNamesAndRanges(@TempDir Path tmp) throws IOException {
        Path json = Files.writeString(tmp.resolve("daemon.json"),
                "{\"insecure-registries\": [\"myreg:5000\", \"192.168.0.0/16\", \"http://other:80\"]}");
        InetAddress nas = InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 2});
        InsecureRegistries i = InsecureRegistries.fromDaemonJson(json, h -> h.equals("nas") ? List.of(nas) : List.of());
        assertEquals(InsecureRegistries.Reason.Kind.DAEMON_JSON_NAME, kind(i, "myreg:5000"));
        assertEquals(InsecureRegistries.Reason.Kind.DAEMON_JSON_NAME, kind(i, "other:80"));
        assertEquals(null, kind(i, "myreg:5001"));
        assertEquals(InsecureRegistries.Reason.Kind.DAEMON_JSON_RANGE, kind(i, "192.168.7.7:5000"));
        assertEquals(InsecureRegistries.Reason.Kind.DAEMON_JSON_RANGE, kind(i, "nas:5000"));
    }

    @Test
    void missingDaemonJsonMeansDefaults(@TempDir Path tmp) throws IOException {
        InsecureRegistries i = InsecureRegistries.fromDaemonJson(tmp.resolve("absent.json"), h -> List.of());
        assertEquals(InsecureRegistries.Reason.Kind.LOOPBACK_ADDRESS, kind(i, "127.0.0.1"));
    }

    @Test
    void brokenDaemonJsonIsAnError(@TempDir Path tmp) throws IOException {
        Path json = Files.writeString(tmp.resolve("daemon.json"), "{ not json");
        try {
            InsecureRegistries.fromDaemonJson(json, h -> List.of());
        } catch (IOException expected) {
            return;
        }
        throw new AssertionError("a broken daemon.json must not be taken for defaults");
    }

    @Test
    void dockerHubNeverUsesCertsD() {
        InsecureRegistries i = InsecureRegistries.defaults(h -> List.of());
        assertEquals(InsecureRegistries.Reason.Kind.DOCKER_HUB, kind(i, "docker.io"));
        assertTrue(i.reasonFor(dir("registry-1.docker.io")).isEmpty());
    }
}
