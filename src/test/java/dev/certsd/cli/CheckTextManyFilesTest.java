package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text of a directory with more files than a few pieces: every file once, in the report's order, with its advice. */
class CheckTextManyFilesTest {
    @TempDir
    Path tmp;

    @Test
    void everyFileOnceInOrderWithItsFindings() throws Exception {
        Path host = Fixtures.healthy(tmp.resolve("many.example.com"));
        int count = 3 * InOrder.PIECE + 17;
        for (int i = 0; i < count; i++) {
            Files.writeString(host.resolve(String.format("f%05d%s", i, i % 2 == 0 ? ".key" : ".txt")), "x" + i);
        }
        RootReport report = new RootScanner(ScanOptions.defaults(Client.DOCKER)).scan(CertsRoot.custom(tmp, Client.DOCKER),
                List.of());
        StringWriter out = new StringWriter();
        new CheckText(new PrintWriter(out), Locale.ENGLISH).print(report);
        List<String> lines = out.toString().lines().toList();
        int at = 0;
        for (FileReport f : report.hosts().get(0).files()) {
            int line = lines.indexOf("  " + f.name() + "  [" + String.join(", ", CheckText.badgeIds(f)) + "]");
            assertTrue(line > at, f.name() + " at " + line + " after " + at);
            at = line;
            String first = f.findings().isEmpty() ? null : f.findings().get(0).code().name();
            if (first != null) {
                assertTrue(lines.get(line + 1).contains(first), lines.get(line + 1));
            }
        }
        assertEquals(count + 3, report.hosts().get(0).files().size());
        assertEquals(count / 2 + 1, lines.stream().filter(l -> l.contains("ORPHAN_KEY: f")).count());
    }

    /**
     * On a UTF-8 terminal a large directory's pieces are guarded and encoded on every core and written as bytes: the
     * same bytes as the guard writing every character itself (names that need quoting, and names in Japanese).
     */
    @Test
    void aUtf8TerminalGetsTheBytesTheGuardWouldWrite() throws Exception {
        Path host = Fixtures.healthy(tmp.resolve("many.example.com"));
        int count = 2 * InOrder.PIECE + 5;
        for (int i = 0; i < count; i++) {
            String name = switch (i % 3) {
                case 0 -> String.format("f%05d.key", i);
                case 1 -> String.format("\u65e5\u672c%05d.crt", i);
                default -> String.format("e%05d\u001b[2J\u0007.txt", i);
            };
            Files.writeString(host.resolve(name), "x" + i);
        }
        RootReport report = new RootScanner(ScanOptions.defaults(Client.DOCKER)).scan(CertsRoot.custom(tmp, Client.DOCKER),
                List.of());
        java.io.ByteArrayOutputStream chars = new java.io.ByteArrayOutputStream();
        PrintWriter viaChars = TerminalText.guard(new PrintWriter(
                new java.io.OutputStreamWriter(chars, java.nio.charset.StandardCharsets.UTF_8)), false);
        new CheckText(viaChars, Locale.ENGLISH).print(report);
        viaChars.flush();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        PrintWriter viaBytes = TerminalText.guard(new TerminalOut(bytes, java.nio.charset.StandardCharsets.UTF_8), false);
        assertTrue(TerminalGuard.utf8Under(viaBytes) == bytes, "the byte path is taken");
        new CheckText(viaBytes, Locale.ENGLISH).print(report);
        viaBytes.flush();
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(chars.toString(java.nio.charset.StandardCharsets.UTF_8), text);
        assertTrue(text.contains("\u65e5\u672c00001.crt"), "Japanese names as they are");
        assertTrue(text.contains("$'e00002\\033[2J\\a.txt'"), "control characters quoted");
        assertTrue(text.chars().noneMatch(c -> c == 0x1b || c == 0x07), "no raw control character");
    }
}
