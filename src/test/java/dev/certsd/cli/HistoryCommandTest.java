package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.change.ChangeReport;
import dev.certsd.change.ChangeRunner;
import dev.certsd.change.Deletion;
import dev.certsd.diagnose.HostReport;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history} and {@code undo} in a terminal read every entry in words, those an older window wrote too. */
class HistoryCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aDeletionTheOlderWindowJournaledReadsInTheTerminal() throws Exception {
        Path dir = Fixtures.healthy(tmp.resolve("certs.d/reg.example.com"));
        Path journal = tmp.resolve("journal");
        HostReport h = Fixtures.scan(dir);
        new ChangeRunner(new FileChanges(Journal.open(journal), tmp)).apply(Deletion.file(h.files().stream()
                .filter(f -> f.name().equals("ca.crt")).findFirst().orElseThrow()));
        try (var files = Files.list(journal.resolve("entries"))) {
            for (Path p : files.toList()) { // the bundle the window named before the words moved to the engine
                Files.writeString(p, Files.readString(p).replace(ChangeReport.BUNDLE, "dev.certsd.ui.ui"));
            }
        }
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            StringWriter out = new StringWriter();
            assertEquals(0, CertsdCommand.run(new String[] {"history", "--journal", journal.toString()},
                    new PrintWriter(out), new PrintWriter(new StringWriter())));
            assertTrue(out.toString().contains("Delete ca.crt"), out.toString());
            out = new StringWriter();
            assertEquals(0, CertsdCommand.run(new String[] {"undo", "--journal", journal.toString()},
                    new PrintWriter(out), new PrintWriter(new StringWriter())));
            assertTrue(out.toString().startsWith("Undone change #1: Delete ca.crt"), out.toString());
            assertTrue(Files.exists(dir.resolve("ca.crt")));
        } finally {
            Locale.setDefault(before);
        }
    }
}
