package dev.certsd.cli;

import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names (and certificate subjects) with ESC sequences, BEL, CR, LF, DEL, C1 controls and bytes that are not
 * UTF-8 reach no terminal raw: every text command shows them escaped, as {@code ls} quotes names.
 */
class TerminalInjectionTest {
    private static final String ESC = "evil\u001b[2J";

    @TempDir
    Path tmp;
    private Path root;
    private Path host;
    private Path journal;
    private StringWriter out;
    private StringWriter err;
    private Locale before;

    @BeforeEach
    void hostileRoot() throws Exception {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        root = Files.createDirectory(tmp.resolve("certs.d"));
        host = Fixtures.healthy(root.resolve("reg.example.com:5000"));
        TestPki.write(host, ESC + ".cert", CLIENT_CA.certPem()); // a CA saved as .cert: a finding and a fix
        for (String name : List.of("bell\u0007.txt", "cr\rOK.txt", "lf\nOK: forged.txt", "del\u007f.txt",
                "c1\u009b2J.txt", "quote'back\\slash\u001b.txt")) {
            TestPki.write(host, name, "stray");
        }
        // a byte that is not UTF-8: the JVM cannot name it, so the shell makes it
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf stray > \"$(printf 'bad\\377name.txt')\"")
                .directory(host.toFile()).start();
        assertEquals(0, p.waitFor());
        Fixtures.healthy(root.resolve(ESC + ":5000"));
        journal = tmp.resolve("journal");
    }

    @AfterEach
    void locale() {
        Locale.setDefault(before);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (List.of("check", "fix", "test", "import-ca").contains(args[0])) {
            all.addAll(List.of("--root", root.toString(), "--daemon-json", tmp.resolve("none.json").toString(),
                    "--hosts-file", tmp.resolve("no-hosts").toString()));
        }
        if (List.of("fix", "undo", "redo", "history", "import-ca").contains(args[0])) {
            all.addAll(List.of("--journal", journal.toString()));
        }
        int code = CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertNoRawControls(out.toString());
        assertNoRawControls(err.toString());
        return code;
    }

    /** Only line ends and tabs may reach the terminal; nothing else below U+0020, no DEL, no C1. */
    private static void assertNoRawControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && (c < 0x20 || c >= 0x7f && c <= 0x9f)) {
                fail(String.format("raw U+%04X at %d in:%n%s", (int) c, i, s));
            }
        }
    }

    private void assertShows(String expected) {
        assertTrue(out.toString().contains(expected), "expected " + expected + " in:\n" + out + err);
    }

    @Test
    void checkQuotesEveryHostileNameAndLeavesPlainOnesAlone() {
        assertEquals(1, run("check"));
        assertShows("$'evil\\033[2J:5000'");
        assertShows("$'evil\\033[2J.cert'");
        assertShows("$'bell\\a.txt'");
        assertShows("$'cr\\rOK.txt'");
        assertShows("$'lf\\nOK: forged.txt'");
        assertShows("$'del\\177.txt'");
        assertShows("$'c1\\u009B2J.txt'");
        assertShows("$'quote\\'back\\\\slash\\033.txt'");
        assertShows("$'bad\\xFFname.txt'  [ignored]");
        assertShows("IGNORED_FILE: $'bad\\xFFname.txt' is ignored");
        assertShows("  ca.crt  [ca]");
        assertShows("reg.example.com:5000  ");
        // the loader's error names the key it misses: quoted inside the sentence too
        assertShows("$'evil\\033[2J.key'");
        assertFalse(out.toString().lines().anyMatch(l -> l.startsWith("OK")), out.toString());
    }

    @Test
    void checkJsonKeepsTheNamesAndEscapesThemAsJson() throws IOException {
        assertEquals(1, run("check", "--json"));
        assertTrue(out.toString().contains("evil\\u001B[2J.cert"), out.toString());
        Map<String, Object> doc = JSON.std.mapFrom(out.toString());
        List<?> hosts = (List<?>) doc.get("hosts");
        List<String> names = new ArrayList<>();
        for (Object h : hosts) {
            for (Object f : (List<?>) ((Map<?, ?>) h).get("files")) {
                names.add((String) ((Map<?, ?>) f).get("name"));
            }
        }
        assertTrue(names.contains("lf\nOK: forged.txt"), names.toString());
        assertTrue(names.contains(ESC + ".cert"), names.toString());
        // DEL and C1 are not escaped by the JSON writer; the guard writes them as JSON escapes of the same characters
        assertTrue(names.contains("c1\u009b2J.txt") && names.contains("del\u007f.txt"), names.toString());
        assertTrue(out.toString().contains("\"c1\\u009B2J.txt\"") && out.toString().contains("\"del\\u007F.txt\""),
                out.toString());
    }

    @Test
    void fixUndoRedoAndHistoryShowTheStepsEscaped() {
        assertEquals(0, run("fix", "CA_SAVED_AS_CERT", "--dry-run"), out + "" + err);
        assertShows("$'" + host + "/evil\\033[2J.cert'");
        assertEquals(0, run("fix", "CA_SAVED_AS_CERT"), out + "" + err);
        assertShows("$'" + host + "/evil\\033[2J.crt'");
        assertTrue(Files.exists(host.resolve(ESC + ".crt")));
        assertEquals(0, run("undo"), out + "" + err);
        assertShows("$'evil\\033[2J.cert'");
        assertEquals(0, run("redo"), out + "" + err);
        assertShows("$'evil\\033[2J.crt'");
        assertEquals(0, run("history"), out + "" + err);
        assertShows("$'evil\\033[2J.cert'");
    }

    @Test
    void testShowsTheTrustedFilesEscaped() throws Exception {
        Path local = root.resolve("127.0.0.1:1");
        TestPki.write(local, ESC + ".crt", SERVER_CA.certPem());
        assertEquals(1, run("test", "127.0.0.1:1", "--timeout", "1"), out + "" + err);
        assertShows("$'evil\\033[2J.crt'");
    }

    @Test
    void importCaShowsFileNamesAndSubjectsEscaped() throws Exception {
        TestPki.Issued evil = TestPki.cert("CN=Evil\u001b[2J\u0007 CA").keys(TestPki.rsa(73)).ca().build();
        Path bundle = TestPki.write(tmp, ESC + ".pem", evil.certPem() + SERVER_CA.certPem());
        assertEquals(1, run("import-ca", "reg.example.com:5000", bundle.toString()), out + "" + err);
        assertShows("[1] ");
        assertShows("\\033[2J\\a");

        assertEquals(1, run("import-ca", "reg.example.com:5000", tmp.resolve("missing\u001b[2J.pem").toString()),
                out + "" + err);
        assertShows("missing\\033[2J.pem");
    }

    @Test
    void errorsAndUsageErrorsQuoteWhatWasTyped() {
        assertEquals(2, run("check", "nope\u001b[2J"));
        assertTrue(err.toString().contains("nope\\033[2J"), err.toString());
        assertEquals(2, run("check", "--client", "bad\u001b[2J"));
        assertTrue(err.toString().contains("bad\\033[2J"), err.toString());
        // a prepared directory that is not there is refused like any other the helper will not use: exit 1
        assertEquals(1, run("apply-prepared", tmp.resolve("gone\u001b[2J").toString()));
        assertTrue(err.toString().contains("gone\\033[2J"), err.toString());
    }

    @Test
    void namesAreQuotedAsTheShellReadsThem() {
        assertEquals("plain name.crt", TerminalText.name("plain name.crt"));
        assertEquals("日本.crt", TerminalText.name("日本.crt"));
        assertEquals("$'a\\033[2Jb'", TerminalText.name("a\u001b[2Jb"));
        assertEquals("$'a\\uFFFDb'", TerminalText.name("a\uFFFDb"));
        assertEquals("$'a\\xFF\\xFEb'", TerminalText.name(new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b'}));
        assertEquals("é", TerminalText.name(new byte[] {(byte) 0xc3, (byte) 0xa9}));
        assertEquals("open $'/r/a\\nb.crt': no such file", TerminalText.text("open /r/a\nb.crt: no such file"));
        StringWriter w = new StringWriter();
        PrintWriter guarded = TerminalText.guard(new PrintWriter(w), false);
        guarded.println("a\u001bb\tc\r\nd\re");
        guarded.flush();
        assertEquals("a\\u001Bb\tc\r\nd\\u000De\n", w.toString());
    }
}
