package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.pki.CaImport;
import dev.certsd.pki.CaSource;
import dev.certsd.testing.TestPki;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the user hands over is read within the scan's 4 MiB limit: a 200 MB file (sparse, so the test costs
 * nothing) or an endless stream is refused with a clear message and the command's exit code, never an
 * OutOfMemoryError or a stack trace.
 */
class InputLimitsTest {
    private static final TestPki.Issued CA = TestPki.cert("CN=Limits CA").keys(TestPki.rsa(81)).ca().build();

    @TempDir
    Path tmp;
    private Path root;
    private Path huge;
    private StringWriter out;
    private StringWriter err;
    private Locale before;
    private InputStream stdin;

    @BeforeEach
    void hugeFile() throws Exception {
        before = Locale.getDefault();
        stdin = System.in;
        Locale.setDefault(Locale.ENGLISH);
        root = Files.createDirectory(tmp.resolve("certs.d"));
        huge = tmp.resolve("huge.pem");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024);
        }
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
        System.setIn(stdin);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString(), "--daemon-json", tmp.resolve("none.json").toString(),
                "--hosts-file", tmp.resolve("no-hosts").toString(), "--journal", tmp.resolve("journal").toString()));
        return CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    }

    private void assertSaysTooLarge(String file) {
        String all = out + "" + err;
        assertTrue(all.contains(file + " is larger than 4 MiB and was not read"), all);
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("OutOfMemory"), all);
        assertFalse(Files.exists(root.resolve("reg.example.com")), "nothing written");
    }

    @Test
    void importCaRefusesAHugeFileWithoutReadingIt() {
        assertEquals(1, run("import-ca", "reg.example.com", huge.toString()));
        assertSaysTooLarge(huge.toString());
        assertEquals(1, run("import-ca", "reg.example.com", huge.toString(), "--json"));
        assertTrue(out.toString().contains("\"outcome\" : \"refused\""), out.toString());
    }

    @Test
    void importCaStopsReadingAnEndlessSource() {
        assertEquals(1, run("import-ca", "reg.example.com", "/dev/zero"));
        assertSaysTooLarge("/dev/zero");
        System.setIn(new InputStream() { // standard input that never ends
            @Override
            public int read() {
                return 'A';
            }
        });
        assertEquals(1, run("import-ca", "reg.example.com", "-"));
        assertSaysTooLarge("-");
    }

    @Test
    void caKeysSignedCertificatesAndPassphraseFilesAreCappedToo() throws Exception {
        Path caCert = TestPki.write(tmp, "ca.pem", CA.certPem());
        assertEquals(1, run("gen-client", "reg.example.com", "--name", "laptop", "--ca-cert", caCert.toString(),
                "--ca-key", huge.toString(), "--key", "ec256"));
        assertSaysTooLarge(huge.toString());
        assertEquals(1, run("gen-client", "reg.example.com", "--name", "laptop", "--ca-cert", huge.toString(),
                "--ca-key", huge.toString(), "--key", "ec256"));
        assertSaysTooLarge(huge.toString());
        assertEquals(2, run("gen-client", "reg.example.com", "--name", "laptop", "--ca-cert", caCert.toString(),
                "--ca-key", caCert.toString(), "--ca-passphrase-file", huge.toString(), "--key", "ec256"));
        assertSaysTooLarge(huge.toString());
        assertEquals(2, run("import-signed", "reg.example.com", huge.toString(), "--name", "laptop",
                "--pending-dir", tmp.resolve("pending").toString()));
        assertSaysTooLarge(huge.toString());
    }

    @Test
    void theMessageIsInTheUsersLanguage() {
        Locale.setDefault(Locale.JAPANESE);
        assertEquals(1, run("import-ca", "reg.example.com", huge.toString()));
        assertTrue(out.toString().contains("4 MiB を超えるため読み込みませんでした"), out.toString());
    }

    @Test
    void pastedTextOverTheLimitHoldsNothingToImport() {
        CaSource s = CaImport.fromText("A".repeat(5 * 1024 * 1024));
        assertInstanceOf(CaSource.Nothing.class, s);
        assertTrue(((CaSource.Nothing) s).why().render(Locale.ENGLISH).startsWith("The text is larger than 4 MiB"));
    }
}
