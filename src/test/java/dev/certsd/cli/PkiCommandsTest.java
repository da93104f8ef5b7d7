package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.material.GoPem;
import dev.certsd.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiCommandsTest {
    private static final TestPki.Issued CA = TestPki.cert("O=Certs.d Test,CN=CLI CA").keys(TestPki.rsa(70)).ca().build();

    @TempDir
    Path tmp;
    private Path root;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void emptyRoot() throws Exception {
        root = Files.createDirectory(tmp.resolve("certs.d"));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("undo")) {
            all.addAll(List.of("--root", root.toString(), "--daemon-json", tmp.resolve("none.json").toString(),
                    "--hosts-file", tmp.resolve("no-hosts").toString()));
        }
        all.addAll(List.of("--journal", tmp.resolve("journal").toString()));
        return CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json() throws Exception {
        return (Map<String, Object>) JSON.std.anyFrom(out.toString());
    }

    @Test
    void genClientSelfSignedWritesThePairPrintsOpensslAndUndoTakesItBack() throws Exception {
        assertEquals(0, run("gen-client", "reg.example.com:5000", "--name", "client", "--self-signed", "--key",
                "ec256", "--cn", "ci-runner"), out + "" + err);
        Path dir = root.resolve("reg.example.com:5000");
        assertTrue(Files.exists(dir.resolve("client.cert")) && Files.exists(dir.resolve("client.key")));
        assertTrue(out.toString().contains("done: recorded as change #1; `undo` takes it back"), out.toString());
        assertTrue(out.toString().contains("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out client.key"));
        assertTrue(out.toString().contains("openssl req -new -x509 -key client.key -out client.cert -days 365"));
        assertTrue(out.toString().contains("OK: the client loads this directory without error"), out.toString());

        assertEquals(1, run("gen-client", "reg.example.com:5000", "--name", "client", "--self-signed", "--key", "ec256"));
        assertTrue(out.toString().contains("Not changed: client.cert, client.key already in"), out.toString());

        assertEquals(0, run("undo"), out + "" + err);
        assertFalse(Files.exists(dir));
    }

    @Test
    void genClientWithAnEncryptedCaKeyNeedsTheRightPassphrase() throws Exception {
        Path caCert = TestPki.write(tmp, "ca.pem", CA.certPem());
        Path caKey = TestPki.write(tmp, "ca.key", TestPki.encryptedPkcs8Pem(CA.keys().getPrivate(), "s3cret"));
        Path wrong = TestPki.write(tmp, "wrong.txt", "nope\n");
        Path right = TestPki.write(tmp, "right.txt", "s3cret\n");
        String[] base = {"gen-client", "reg.example.com", "--name", "laptop", "--ca-cert", caCert.toString(),
            "--ca-key", caKey.toString(), "--key", "ec256", "--json"};
        assertEquals(1, run(concat(base, "--ca-passphrase-file", wrong.toString())));
        assertEquals("refused", json().get("outcome"));
        assertTrue(json().get("error").toString().startsWith("The passphrase does not decrypt"), out.toString());
        assertFalse(Files.exists(root.resolve("reg.example.com")));

        assertEquals(0, run(concat(base, "--ca-passphrase-file", right.toString())), out + "" + err);
        assertEquals("done", json().get("outcome"));
        assertEquals("ok", json().get("verdict"));
        assertEquals(1, ((Map<?, ?>) json().get("placement")).get("position"));
    }

    @Test
    void csrThenImportSignedEndsInAPairAndTheWaitingKeyLeaves() throws Exception {
        Path pending = tmp.resolve("pending");
        Path csr = tmp.resolve("alice.csr");
        assertEquals(0, run("gen-client", "reg.corp.example", "--name", "corp", "--csr", csr.toString(),
                "--pending-dir", pending.toString(), "--key", "ec256", "--cn", "alice"), out + "" + err);
        assertFalse(Files.exists(root.resolve("reg.corp.example")));
        assertEquals(2, Files.list(pending).count(), "the key and its note");

        byte[] der = GoPem.decodeAll(Files.readAllBytes(csr)).get(0).bytes();
        KeyPair pub = new KeyPair(new JcaPKCS10CertificationRequest(der).getPublicKey(), null);
        Path signed = TestPki.write(tmp, "signed.pem", TestPki.cert("CN=alice").keys(pub).issuer(CA).clientAuth()
                .build().certPem());
        Path foreign = TestPki.write(tmp, "foreign.pem", TestPki.cert("CN=bob").keys(TestPki.ec(71)).issuer(CA)
                .clientAuth().build().certPem());
        assertEquals(1, run("import-signed", "reg.corp.example", foreign.toString(), "--name", "corp",
                "--pending-dir", pending.toString()));
        assertEquals(0, run("import-signed", "reg.corp.example", signed.toString(), "--name", "corp",
                "--pending-dir", pending.toString()), out + "" + err);
        assertTrue(Files.exists(root.resolve("reg.corp.example/corp.key")));
        assertEquals(0, Files.list(pending).count());
        assertTrue(out.toString().contains("OK: the client loads this directory without error"), out.toString());
    }

    @Test
    void importCaListsSeveralCertificatesAndWritesOnlyThePickedOne() throws Exception {
        TestPki.Issued other = TestPki.cert("CN=Other CA").keys(TestPki.rsa(72)).ca().build();
        Path bundle = TestPki.write(tmp, "bundle.pem", CA.certPem() + other.certPem());
        assertEquals(1, run("import-ca", "reg.example.com", bundle.toString()));
        assertTrue(out.toString().contains("[2] CN=Other CA"), out.toString());
        assertTrue(out.toString().contains("--pick SHA256"), out.toString());
        assertFalse(Files.exists(root.resolve("reg.example.com")));

        String sha = dev.certsd.pki.CaCandidate.of(other.cert()).sha256();
        assertEquals(0, run("import-ca", "reg.example.com", bundle.toString(), "--pick", sha, "--json"), out + "" + err);
        assertEquals("done", json().get("outcome"));
        assertEquals(1, GoPem.decodeAll(Files.readAllBytes(root.resolve("reg.example.com/ca.crt"))).size());
        assertEquals(2, run("import-ca", "reg.example.com"), "a source is required");
    }

    @Test
    void newHostDerivesTheDirectoryAndRefusesWhatIsNoRegistry() throws Exception {
        assertEquals(0, run("new-host", "https://reg.example.com:443/v2/", "--json"), out + "" + err);
        assertEquals("reg.example.com", json().get("dirName"));
        assertTrue(Files.isDirectory(root.resolve("reg.example.com")));
        assertEquals(0, run("new-host", "reg.example.com"));
        assertTrue(out.toString().contains("exists already"), out.toString());

        assertEquals(0, run("new-host", "127.0.0.1:5000"));
        assertTrue(out.toString().contains("never reads certs.d for it"), out.toString());
        assertEquals(0, run("new-host", "reg.example.com:5000", "--os", "windows", "--json"));
        assertEquals("reg.example.com5000", json().get("dirName"));

        assertEquals(1, run("new-host", "ubuntu"));
        assertTrue(out.toString().contains("image on Docker Hub"), out.toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("gen-client", "reg.example.com", "--name", "c", "--self-signed", "--csr", "x.csr"));
        assertEquals(2, run("gen-client", "reg.example.com", "--name", "c", "--self-signed", "--key", "dsa1024"));
        assertEquals(2, run("gen-client", "../etc", "--name", "c", "--self-signed"));
    }

    @Test
    void testPkiDryRunShowsEverythingAndWritesNothing() throws Exception {
        Path out1 = tmp.resolve("server");
        assertEquals(0, run("test-pki", "--registry", "reg.example.com:5000", "--san", "10.0.0.5", "--server-out",
                out1.toString(), "--key", "ec256", "--dry-run", "--json"), out + "" + err);
        assertEquals("planned", json().get("outcome"));
        assertEquals(13, ((List<?>) json().get("steps")).size());
        assertFalse(Files.exists(out1));
        assertEquals(0, run("test-pki", "--registry", "reg.example.com:5000", "--server-out", out1.toString(),
                "--key", "ec256"), out + "" + err);
        assertTrue(Files.exists(out1.resolve("config.yml")));
        assertTrue(Files.readString(out1.resolve("config.yml")).contains("clientcas:"));
        assertTrue(out.toString().contains("openssl x509 -req -in server.csr -CA registry-ca.crt"), out.toString());
        assertTrue(Files.exists(root.resolve("reg.example.com:5000/client.key")));
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }
}
