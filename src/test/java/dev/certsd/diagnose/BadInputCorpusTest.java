package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.cli.CertsdCommand;
import dev.certsd.roots.Client;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile files, one kind at a time: the scan never throws or hangs, and each kind is named by
 * its own finding code rather than a catch-all.
 */
class BadInputCorpusTest {
    private static final String HOST = "reg.example.com:5000";
    /** Codes that only say "something is off": no kind may rely on one of these. */
    private static final Set<FindingCode> GENERIC = EnumSet.of(FindingCode.IGNORED_FILE, FindingCode.ORPHAN_KEY,
            FindingCode.ORPHAN_CERT, FindingCode.KEY_MISMATCH, FindingCode.KEY_READABLE_BY_OTHERS);
    private static final Set<FindingCode> CORPUS_CODES = BadInputCorpus.all().stream()
            .map(BadInputCorpus.Case::expected).collect(Collectors.toUnmodifiableSet());

    static List<BadInputCorpus.Case> corpus() {
        return BadInputCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachKindIsNamedByItsOwnCodeWithoutThrowingOrHanging(BadInputCorpus.Case c, @TempDir Path root)
            throws Exception {
        Path dir = Files.createDirectory(root.resolve(HOST));
        c.writer().write(dir);

        HostReport report = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new HostScanner(ScanOptions.defaults(Client.DOCKER)).scan(dir), c + " hangs the scan");

        FileReport file = report.files().stream().filter(f -> f.name().equals(c.file())).findFirst().orElse(null);
        assertNotNull(file, c + ": no report for " + c.file() + " in " + report.files());
        List<FindingCode> codes = file.findings().stream().map(Finding::code).toList();
        assertTrue(codes.contains(c.expected()), c + ": expected " + c.expected() + ", got " + codes);
        List<FindingCode> misleading = codes.stream()
                .filter(code -> code != c.expected() && CORPUS_CODES.contains(code)).toList();
        assertEquals(List.of(), misleading, c + ": codes of other kinds on " + c.file() + ": " + codes);
        Messages messages = new Messages(Locale.ENGLISH);
        for (Finding f : report.findings()) {
            assertFalse(messages.render(f, HOST).startsWith(f.code().name() + " ["), "no message for " + f.code());
        }
    }

    @Test
    void kindsHaveDistinctCodesAndVariantsOfAKindShareOne() {
        Map<FindingCode, String> kindOfCode = new HashMap<>();
        for (BadInputCorpus.Case c : corpus()) {
            String earlier = kindOfCode.putIfAbsent(c.expected(), c.kind());
            assertTrue(earlier == null || earlier.equals(c.kind()),
                    c.expected() + " names two kinds: " + earlier + " and " + c.kind());
            assertFalse(GENERIC.contains(c.expected()), c + " relies on the generic " + c.expected());
        }
        Set<String> kinds = corpus().stream().map(BadInputCorpus.Case::kind).collect(Collectors.toSet());
        assertEquals(kinds.size(), kindOfCode.size(), "a kind has variants with different codes");
        assertTrue(kinds.size() >= 32, "only " + kinds.size() + " kinds");
    }

    /** The whole corpus at once, through the command line: parallel host scans, JSON and messages. */
    @Test
    @SuppressWarnings("unchecked")
    void theWholeCorpusGoesThroughCheckJson(@TempDir Path root) throws Exception {
        List<BadInputCorpus.Case> cases = corpus();
        for (int i = 0; i < cases.size(); i++) {
            cases.get(i).writer().write(Files.createDirectory(root.resolve(hostOf(i))));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"check", "--root", root.toString(), "--json", "--daemon-json", root.resolve("none").toString()};

        int exit = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CertsdCommand.run(args, new PrintWriter(out), new PrintWriter(err)));

        assertEquals("", err.toString());
        assertEquals(1, exit, "exit code when a host directory has an error");
        Map<String, Object> doc = JSON.std.mapFrom(out.toString());
        Map<String, List<Map<String, Object>>> findingsByHost = new HashMap<>();
        for (Object h : (List<Object>) doc.get("hosts")) {
            Map<String, Object> host = (Map<String, Object>) h;
            findingsByHost.put((String) host.get("dir"), (List<Map<String, Object>>) host.get("findings"));
        }
        for (int i = 0; i < cases.size(); i++) {
            BadInputCorpus.Case c = cases.get(i);
            List<Map<String, Object>> findings = findingsByHost.get(hostOf(i));
            assertNotNull(findings, c + ": no host " + hostOf(i));
            assertTrue(findings.stream().anyMatch(f -> c.expected().name().equals(f.get("code"))
                    && c.file().equals(f.get("file")) && !String.valueOf(f.get("message")).isBlank()),
                    c + ": " + findings);
        }
    }

    private static String hostOf(int index) {
        return String.format(Locale.ROOT, "reg%02d.example.com:5000", index);
    }
}
