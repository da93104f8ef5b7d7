package dev.certsd.pki;

import static dev.certsd.pki.PkiChecks.apply;
import static dev.certsd.pki.PkiChecks.changes;
import static dev.certsd.pki.PkiChecks.clean;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.certs.PkiException;
import dev.certsd.material.GoPem;
import dev.certsd.plan.Planned;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.Endpoint;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.roots.Client;
import dev.certsd.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaImportTest {
    private static final TestPki.Issued ROOT = TestPki.cert("O=Certs.d Test,CN=Import Root").keys(TestPki.rsa(64)).ca()
            .build();
    private static final TestPki.Issued ISSUING = TestPki.cert("O=Certs.d Test,CN=Import Issuing CA")
            .keys(TestPki.rsa(65)).issuer(ROOT).ca().build();
    private static final TestPki.Issued SERVER = TestPki.cert("CN=127.0.0.1").keys(TestPki.rsa(66)).issuer(ISSUING)
            .serverAuth().ip("127.0.0.1").build();

    @TempDir
    Path tmp;

    private final CaImport imports = new CaImport(Clock.systemUTC());

    private static List<String> subjects(CaSource s) {
        return assertInstanceOf(CaSource.Found.class, s).certificates().stream().map(CaCandidate::subject).toList();
    }

    private static String sha(TestPki.Issued i) {
        return CaCandidate.of(i.cert()).sha256();
    }

    @Test
    void everyFileFormatOffersItsCertificates() throws Exception {
        List<String> both = List.of("CN=Import Root,O=Certs.d Test", "CN=Import Issuing CA,O=Certs.d Test");
        assertEquals(both, subjects(CaImport.fromFile(TestPki.write(tmp, "bundle.pem", ROOT.certPem() + ISSUING.certPem()), null)));
        assertEquals(both.subList(0, 1), subjects(CaImport.fromFile(TestPki.write(tmp, "root.der", TestPki.der(ROOT.cert())), null)));
        assertEquals(2, subjects(CaImport.fromFile(TestPki.write(tmp, "b.p7b", TestPki.pkcs7Der(ROOT.cert(), ISSUING.cert())), null)).size());
        assertEquals(2, subjects(CaImport.fromFile(TestPki.write(tmp, "b.p7c", TestPki.pkcs7Pem(ROOT.cert(), ISSUING.cert())), null)).size());
        assertEquals(both.subList(0, 1), subjects(CaImport.fromText("pasted:\n" + ROOT.certPem())));
        String base64Only = ROOT.certPem().replaceAll("-----[A-Z ]+-----", "");
        assertEquals(both.subList(0, 1), subjects(CaImport.fromText(base64Only)));

        Path p12 = TestPki.write(tmp, "trust.p12", TestPki.pkcs12(ISSUING, "changeit"));
        assertInstanceOf(CaSource.NeedsPassword.class, CaImport.fromFile(p12, null));
        assertEquals("source.pkcs12Password", assertInstanceOf(CaSource.Nothing.class,
                CaImport.fromFile(p12, "wrong".toCharArray())).why().key());
        assertEquals(both.subList(1, 2), subjects(CaImport.fromFile(p12, "changeit".toCharArray())));

        assertEquals("source.onlyKey", assertInstanceOf(CaSource.Nothing.class, CaImport.fromText(
                TestPki.pkcs8Pem(ROOT.keys().getPrivate()))).why().key());
        assertEquals("source.request", assertInstanceOf(CaSource.Nothing.class, CaImport.fromText(
                TestPki.csrPem("CN=x", TestPki.ec(67)))).why().key());
    }

    @Test
    void onlyThePickedCertificateIsWrittenAsPemCrt() throws Exception {
        CaSource.Found found = (CaSource.Found) CaImport.fromFile(TestPki.write(tmp, "bundle.p7b",
                TestPki.pkcs7Der(ROOT.cert(), ISSUING.cert())), null);
        Path dir = tmp.resolve("certs.d/reg.example.com");
        String pick = sha(ISSUING).replace(":", "").toLowerCase(Locale.ROOT);
        Planned plan = imports.plan(dir, found, pick, null, false);
        assertTrue(plan.notes().stream().anyMatch(t -> t.key().equals("ca.note.intermediate")));
        apply(changes(tmp), plan);
        byte[] written = Files.readAllBytes(dir.resolve("ca.crt"));
        assertEquals(1, GoPem.decodeAll(written).size());
        assertArrayEquals(TestPki.der(ISSUING.cert()), GoPem.decodeAll(written).get(0).bytes());
        assertEquals("rw-r--r--", PkiChecks.mode(dir.resolve("ca.crt")));
        clean(dir, Client.DOCKER);

        assertEquals("ca.alreadyTrusted", assertThrows(PkiException.class,
                () -> imports.plan(dir, found, sha(ISSUING), "other.crt", false)).text().key());
        assertEquals("ca-2.crt", CaImport.suggestedName(dir));
        assertEquals("ca.notOffered", assertThrows(PkiException.class,
                () -> imports.plan(dir, found, sha(SERVER), null, false)).text().key());
        assertEquals("ca.nameExtension", assertThrows(PkiException.class,
                () -> imports.plan(dir, found, sha(ROOT), "root.pem", false)).text().key());
        assertEquals("error.exists", assertThrows(PkiException.class,
                () -> imports.plan(dir, found, sha(ROOT), "ca.crt", false)).text().key());
    }

    @Test
    void theLiveServerOffersItsChainAndNothingIsTrustedUntilPicked() throws Exception {
        try (HttpsTestServer server = new HttpsTestServer(SERVER.keys().getPrivate(),
                new X509Certificate[] {SERVER.cert(), ISSUING.cert()}, Map.of())) {
            Endpoint endpoint = Endpoint.parse("https://127.0.0.1:" + server.port() + "/v2/");
            CaImport.ServerOffer offer = CaImport.fromServer(endpoint, ProbeOptions.defaults(Client.DOCKER),
                    new Cancellation());
            CaSource.Found found = assertInstanceOf(CaSource.Found.class, offer.source());
            assertEquals(List.of("CN=127.0.0.1", "CN=Import Issuing CA,O=Certs.d Test"),
                    found.certificates().stream().map(CaCandidate::subject).toList());
            assertEquals(sha(SERVER), found.certificates().get(0).sha256());
            assertTrue(found.certificates().get(1).ca());

            Path dir = tmp.resolve("certs.d/127.0.0.1:" + server.port());
            Planned plan = imports.plan(dir, found, sha(SERVER), null, false);
            assertTrue(plan.notes().stream().anyMatch(t -> t.key().equals("ca.note.notCa")),
                    "pinning the server's own certificate is said to break at renewal");
            assertTrue(plan.openssl().render(Locale.ENGLISH).contains("openssl s_client -connect 127.0.0.1:"));
        }
    }

    @Test
    void harborsPublishedCaIsOfferedAndItsAbsenceExplained() throws Exception {
        byte[] pem = ROOT.certPem().getBytes(StandardCharsets.US_ASCII);
        try (HttpsTestServer harbor = new HttpsTestServer(SERVER.keys().getPrivate(),
                new X509Certificate[] {SERVER.cert(), ISSUING.cert()}, Map.of(CaImport.HARBOR_CA_PATH, pem));
             HttpsTestServer plain = new HttpsTestServer(SERVER.keys().getPrivate(),
                     new X509Certificate[] {SERVER.cert()}, Map.of())) {
            CaSource s = CaImport.fromHarbor(Endpoint.parse("https://127.0.0.1:" + harbor.port()),
                    ProbeOptions.defaults(Client.DOCKER), new Cancellation());
            CaSource.Found found = assertInstanceOf(CaSource.Found.class, s);
            assertEquals(List.of(sha(ROOT)), found.certificates().stream().map(CaCandidate::sha256).toList());
            assertEquals(CaSource.Origin.Kind.HARBOR, found.origin().kind());

            CaSource none = CaImport.fromHarbor(Endpoint.parse("https://127.0.0.1:" + plain.port()),
                    ProbeOptions.defaults(Client.DOCKER), new Cancellation());
            assertEquals("source.harborNone", assertInstanceOf(CaSource.Nothing.class, none).why().key());
        }
    }
}
