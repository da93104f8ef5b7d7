package dev.certsd.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRootTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    static Path data;
    static RootReport report;

    @BeforeAll
    static void generateAndScan() throws Exception {
        Path root = new SampleRoot(CLOCK).generate(data);
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, CLOCK, 30,
                InsecureRegistries.defaults(HostsFileResolver.of(data.resolve("no-hosts-file"))), false, ScanOptions.DEFAULT_MAX_FILE_BYTES);
        report = new RootScanner(options).scan(CertsRoot.custom(root, Client.DOCKER), List.of());
    }

    @Test
    void everyAnnouncedHostDirectoryIsWrittenInLoadOrder() {
        assertEquals(SampleRoot.HOST_DIRS, report.hosts().stream().map(h -> h.hostDir().dirName()).toList());
    }

    @Test
    void theHealthyDirectoriesLoadWithoutFindingsAboveInfo() {
        HostReport healthy = host(SampleRoot.HEALTHY);
        assertNull(healthy.configError());
        assertEquals(0, healthy.count(dev.certsd.diagnose.Severity.ERROR) + healthy.count(dev.certsd.diagnose.Severity.WARNING));
        assertEquals(List.of("client.cert"), healthy.load().pairs());
        assertEquals(Set.of(Badge.CA), badges(healthy).get("ca.crt"));
    }

    @Test
    void eachMixUpDirectoryShowsItsLesson() {
        assertCodes("ca-saved-as-cert.example.com", FindingCode.CA_SAVED_AS_CERT);
        assertCodes("client-saved-as-crt.example.com", FindingCode.CLIENT_CERT_SAVED_AS_CRT, FindingCode.ORPHAN_KEY);
        assertCodes("der-ca.example.com", FindingCode.CRT_NOT_PEM);
        assertCodes("encrypted-key.example.com", FindingCode.ENCRYPTED_KEY);
        assertCodes("expired-pair-first.example.com", FindingCode.EXPIRED, FindingCode.EXPIRED_PAIR_SENT_FIRST);
        assertCodes("expired.example.com:5000", FindingCode.EXPIRED);
        assertCodes("expiring.example.com", FindingCode.EXPIRING_SOON);
        assertCodes("key-mismatch.example.com", FindingCode.KEY_MISMATCH);
        assertCodes("localhost:5000", FindingCode.INSECURE_REGISTRY_CERTSD_IGNORED);
        assertCodes("moved-ca.example.com", FindingCode.BROKEN_SYMLINK);
        assertCodes("orphan-key.example.com", FindingCode.ORPHAN_KEY, FindingCode.IGNORED_CERTIFICATE_FILE);
        assertCodes("registry.example.org:443", FindingCode.DEFAULT_PORT_IN_DIR_NAME);
        assertCodes("server-cert-as-client.example.com", FindingCode.SERVER_CERT_AS_CLIENT);
    }

    @Test
    void theSampleCoversEveryBadgeTheTreeShowsForAMixUp() {
        Set<Badge> all = report.hosts().stream().flatMap(h -> h.files().stream())
                .flatMap(f -> f.badges().stream()).collect(Collectors.toSet());
        for (Badge b : List.of(Badge.CA, Badge.CLIENT_CERT, Badge.KEY, Badge.ORPHAN, Badge.IGNORED, Badge.INVALID,
                Badge.UNREADABLE, Badge.EXPIRED, Badge.EXPIRING_SOON, Badge.MISMATCH, Badge.ENCRYPTED)) {
            assertTrue(all.contains(b), "no file with badge " + b);
        }
    }

    @Test
    void generatingAgainReplacesTheEarlierSample() throws Exception {
        Path extra = SampleRoot.location(data).resolve(SampleRoot.HEALTHY).resolve("left-over.txt");
        Files.writeString(extra, "from an earlier run");
        new SampleRoot(CLOCK).generate(data);
        assertFalse(Files.exists(extra));
    }

    private static void assertCodes(String dir, FindingCode... expected) {
        Set<FindingCode> codes = host(dir).findings().stream().map(f -> f.code()).collect(Collectors.toSet());
        for (FindingCode c : expected) {
            assertTrue(codes.contains(c), dir + " lacks " + c + ", has " + codes);
        }
    }

    private static Map<String, Set<Badge>> badges(HostReport h) {
        return h.files().stream().collect(Collectors.toMap(f -> f.name(), f -> f.badges()));
    }

    private static HostReport host(String name) {
        return report.hosts().stream().filter(h -> h.hostDir().dirName().equals(name)).findFirst().orElseThrow();
    }
}
