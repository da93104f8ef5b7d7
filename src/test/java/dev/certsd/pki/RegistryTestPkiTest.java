package dev.certsd.pki;

import static dev.certsd.pki.PkiChecks.apply;
import static dev.certsd.pki.PkiChecks.changes;
import static dev.certsd.pki.PkiChecks.clean;
import static dev.certsd.pki.PkiChecks.mode;
import static dev.certsd.pki.PkiChecks.openssl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.certs.Cancel;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.Subject;
import dev.certsd.material.CertInfo;
import dev.certsd.plan.Planned;
import dev.certsd.plan.RegistryInput;
import dev.certsd.roots.Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTestPkiTest {
    @TempDir
    Path tmp;

    private TestPkiSpec spec(Path hostDir, Path out, List<String> sans) {
        return new TestPkiSpec((RegistryInput.Valid) RegistryInput.parse("reg.example.com:5000"), sans, hostDir, out,
                "client", new Subject("ci", "Acme", ""), KeySpec.EC_P256, 90, tmp.resolve("storage"), false);
    }

    @Test
    void clientSideGoesToCertsDAndServerSideWithItsConfigurationToTheFolder() throws Exception {
        Path host = tmp.resolve("certs.d/reg.example.com:5000");
        Path out = tmp.resolve("server");
        Planned plan = new RegistryTestPki(Clock.systemUTC()).plan(spec(host, out, List.of("10.0.0.5", "reg")),
                Cancel.none(), Progress.NONE);
        apply(changes(tmp), plan);
        RegistryTestPki.ServerFiles f = RegistryTestPki.serverFiles(out);

        clean(host, Client.DOCKER);
        assertEquals(List.of("ca.crt", "client.cert", "client.key"),
                Files.list(host).map(p -> p.getFileName().toString()).sorted().toList());
        for (Path key : List.of(host.resolve("client.key"), f.serverKey(), f.registryCaKey(), f.clientCaKey())) {
            assertEquals("rw-------", mode(key), key.toString());
        }
        CertInfo server = PkiChecks.firstCert(f.serverCert());
        assertEquals(List.of("DNS:reg.example.com", "IP:10.0.0.5", "DNS:reg"), server.subjectAltNames());
        assertEquals(List.of("serverAuth"), server.extendedKeyUsages());

        assertTrue(openssl("verify", "-CAfile", f.registryCa().toString(), f.serverCert().toString()).contains(": OK"));
        assertTrue(openssl("verify", "-CAfile", f.clientCa().toString(), host.resolve("client.cert").toString())
                .contains(": OK"));
        assertTrue(openssl("x509", "-noout", "-text", "-in", host.resolve("client.cert").toString())
                .contains("TLS Web Client Authentication"));
        assertTrue(openssl("x509", "-noout", "-text", "-in", f.serverCert().toString())
                .contains("DNS:reg.example.com, IP Address:10.0.0.5, DNS:reg"));
        assertEquals(Files.readString(f.registryCa()), Files.readString(host.resolve("ca.crt")));

        String config = Files.readString(f.config());
        assertTrue(config.contains("  addr: \":5000\"\n"), config);
        assertTrue(config.contains("    clientcas:\n      - \"" + f.clientCa() + "\"\n"), config);
        assertTrue(config.contains("    certificate: \"" + f.serverCert() + "\"\n"), config);
        String nginx = Files.readString(f.nginx());
        assertTrue(nginx.contains("ssl_verify_client on;") && nginx.contains("ssl_client_certificate \""
                + f.clientCa() + "\";") && nginx.contains("listen 5000 ssl;"), nginx);
    }

    @Test
    void theOpensslScriptBuildsAPkiThatVerifiesTheSameWay() throws Exception {
        Path host = tmp.resolve("by-openssl/certs.d/reg.example.com:5000");
        Path out = tmp.resolve("by-openssl/server");
        PkiChecks.runScript(new RegistryTestPki(Clock.systemUTC()).plan(spec(host, out, List.of("10.0.0.5")),
                Cancel.none(), Progress.NONE).openssl(), tmp);
        clean(host, Client.DOCKER);
        assertTrue(openssl("verify", "-CAfile", out.resolve("registry-ca.crt").toString(),
                out.resolve("server.crt").toString()).contains(": OK"));
        assertTrue(openssl("verify", "-CAfile", out.resolve("client-ca.crt").toString(),
                host.resolve("client.cert").toString()).contains(": OK"));
        assertEquals(List.of("DNS:reg.example.com", "IP:10.0.0.5"),
                PkiChecks.firstCert(out.resolve("server.crt")).subjectAltNames());
    }

    @Test
    void aSanThatIsNoNameIsRefused() {
        PkiException e = assertThrows(PkiException.class, () -> new RegistryTestPki(Clock.systemUTC()).plan(
                spec(tmp.resolve("h"), tmp.resolve("o"), List.of("not a name")), Cancel.none(), Progress.NONE));
        assertEquals("san.invalid", e.text().key());
    }
}
