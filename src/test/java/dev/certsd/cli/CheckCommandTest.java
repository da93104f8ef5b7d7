package dev.certsd.cli;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path root;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void noDaemonJson() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0 && args[0].equals("check")) {
            all.addAll(List.of("--daemon-json", root.resolve("no-daemon.json").toString(),
                    "--hosts-file", root.resolve("no-hosts").toString()));
        }
        return CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    }

    private Map<String, Object> json() throws IOException {
        return JSON.std.mapFrom(out.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Object o, Object... path) {
        Object cur = o;
        for (Object p : path) {
            cur = p instanceof Integer i ? ((List<Object>) cur).get(i) : ((Map<String, Object>) cur).get(p);
        }
        return (T) cur;
    }

    @Test
    void healthyRootPrintsOneJsonDocumentAndExitsZero() throws IOException {
        Path certs = Files.createDirectory(root.resolve("certs.d"));
        Fixtures.healthy(certs.resolve("127.0.0.1:5443"));
        assertEquals(0, run("check", "--root", certs.toString(), "--client", "containers", "--json"));
        Map<String, Object> doc = json();
        assertEquals(certs.toString(), doc.get("root"));
        assertEquals("containers", doc.get("client"));
        assertEquals("127.0.0.1:5443", get(doc, "hosts", 0, "dir"));
        assertEquals("127.0.0.1", get(doc, "hosts", 0, "host"));
        assertEquals(5443, ((Number) get(doc, "hosts", 0, "port")).intValue());
        assertEquals(true, get(doc, "hosts", 0, "certsdUsed"));
        assertTrue(((Map<?, ?>) get(doc, "hosts", 0)).containsKey("configError"));
        assertNull(get(doc, "hosts", 0, "configError"));
        assertEquals(List.of("client.cert"), get(doc, "hosts", 0, "pairs"));
        assertEquals("ca.crt", get(doc, "hosts", 0, "files", 0, "name"));
        assertEquals("ca", get(doc, "hosts", 0, "files", 0, "role"));
        assertEquals(List.of("ca"), get(doc, "hosts", 0, "files", 0, "badges"));
        assertEquals("client-cert", get(doc, "hosts", 0, "files", 1, "role"));
        assertEquals("client-key", get(doc, "hosts", 0, "files", 2, "role"));
        assertEquals(List.of(), get(doc, "hosts", 0, "findings"));
        assertEquals("", err.toString());
    }

    @Test
    void errorsExitOneAndCarryCodeSeverityFileAndEnglishMessage() throws IOException {
        Path certs = Files.createDirectory(root.resolve("certs.d"));
        TestPki.write(certs.resolve("reg:5000"), "ca.cert", SERVER_CA.certPem());
        assertEquals(1, run("check", "--root", certs.toString(), "--json", "--client", "docker@28.0"));
        Map<String, Object> doc = json();
        assertEquals("docker", doc.get("client"));
        assertEquals("docker@28.0", get(doc, "clientVersion", "id"));
        assertEquals("picked", get(doc, "clientVersion", "source"));
        assertEquals("docker@28.0", get(doc, "hosts", 0, "verdict", "modelledFor"));
        assertEquals("missing key ca.key for client certificate ca.cert. CA certificates must use the extension .crt",
                get(doc, "hosts", 0, "configError"));
        Map<String, Object> finding = get(doc, "hosts", 0, "findings", 0);
        assertEquals("CA_SAVED_AS_CERT", finding.get("code"));
        assertEquals("error", finding.get("severity"));
        assertEquals("ca.cert", finding.get("file"));
        assertTrue(((String) finding.get("message")).contains("Rename it to ca.crt"), finding.toString());
        assertEquals(List.of("ca-as-cert"), get(doc, "hosts", 0, "files", 0, "badges"));
    }

    @Test
    void docker2010IsModelledWithItsOwnTexts() throws IOException {
        Path certs = Files.createDirectory(root.resolve("certs.d"));
        TestPki.write(certs.resolve("reg:5000"), "ca.cert", SERVER_CA.certPem());
        TestPki.write(certs.resolve("other:5000"), "client.key", CLIENT.keyPem());
        assertEquals(1, run("check", "--root", certs.toString(), "--json", "--client", "docker@20.10"));
        Map<String, Object> doc = json();
        assertEquals("docker@20.10", get(doc, "clientVersion", "id"));
        assertEquals("Missing client certificate client.cert for key client.key", get(doc, "hosts", 0, "configError"));
        assertEquals("missing key ca.key for client certificate ca.cert. Note that CA certificates should use the"
                + " extension .crt", get(doc, "hosts", 1, "configError"));
        assertEquals("docker@20.10", get(doc, "hosts", 1, "verdict", "modelledFor"));
    }

    @Test
    void aMalformedClientVersionIsAUsageError() {
        assertEquals(2, run("check", "--root", root.toString(), "--client", "docker@twenty"));
        assertTrue(err.toString().contains("docker@20.10"), err.toString());
    }

    @Test
    void onlyTheNamedHostDirectoriesAreChecked() throws IOException {
        Path certs = Files.createDirectory(root.resolve("certs.d"));
        Fixtures.healthy(certs.resolve("good:5000"));
        TestPki.write(certs.resolve("bad:5000"), "client.key", CLIENT.keyPem());
        assertEquals(0, run("check", "--root", certs.toString(), "--json", "good:5000"));
        assertEquals(1, ((List<?>) json().get("hosts")).size());
    }

    @Test
    void humanOutputPutsTheVerdictFirst() {
        Path certs = root.resolve("certs.d");
        TestPki.write(certs.resolve("reg:5000"), "client.key", CLIENT.keyPem());
        Fixtures.healthy(certs.resolve("ok:5000"));
        assertEquals(1, run("check", "--root", certs.toString(), "--client", "docker@28.0"));
        String text = out.toString();
        assertTrue(text.contains("Modelled: docker@28.0 (as picked)"), text);
        assertTrue(text.contains("ok:5000  OK"), text);
        assertTrue(text.contains("reg:5000  ERROR before any connection: missing client certificate client.cert for key client.key"), text);
        assertTrue(text.contains("ORPHAN_KEY"), text);
    }

    @Test
    void usageAndIoErrorsExitTwoWithAMessage() {
        assertEquals(2, run("check", "--root", root.resolve("missing").toString()));
        assertTrue(err.toString().contains("No such directory"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("check", "--client", "rkt", "--root", root.toString()));
        assertTrue(err.toString().contains("Unknown client"), err.toString());
        assertEquals(2, run("check", "--no-such-option"));
        assertEquals(2, run("check", "--root", root.toString(), "not-a-dir"));
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void brokenDaemonJsonIsAnIoError() throws IOException {
        Path daemon = Files.writeString(root.resolve("daemon.json"), "{");
        Files.createDirectories(root.resolve("certs.d"));
        int code = CertsdCommand.run(new String[] {"check", "--root", root.resolve("certs.d").toString(), "--daemon-json",
            daemon.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains(daemon.toString()), err.toString());
    }
}
