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
}
