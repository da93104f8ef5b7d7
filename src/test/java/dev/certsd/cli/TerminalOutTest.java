package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The terminal's writer hands out its bytes only when they are UTF-8; what was written before comes first. */
class TerminalOutTest {
    @Test
    void bytesOnlyForUtf8() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertSame(b, new TerminalOut(b, StandardCharsets.UTF_8).utf8Bytes());
        assertNull(new TerminalOut(b, StandardCharsets.ISO_8859_1).utf8Bytes());
    }

    @Test
    void checkJsonOnAUtf8TerminalKeepsTheOrderOfWhatWasWritten() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        // as the launcher and the command line set it up: the guard over the terminal's writer
        PrintWriter out = TerminalText.guard(new TerminalOut(b, StandardCharsets.UTF_8), false);
        out.print("before ");
        java.io.Writer under = TerminalText.escapedBy(out);
        out.flush();
        ((TerminalOut) under).utf8Bytes().write("bytes \u65e5".getBytes(StandardCharsets.UTF_8));
        out.print(" after");
        out.flush();
        assertEquals("before bytes \u65e5 after", b.toString(StandardCharsets.UTF_8));
    }

    /** A piece guarded and encoded off the writer's thread is what the guard itself writes for it. */
    @Test
    void guardedPiecesAreWhatTheGuardWrites() {
        for (String s : new String[] {"plain\n", "", "esc \u001b[2J bel \u0007 del \u007f c1 \u009b\n",
                "crlf\r\nlone cr\r end\r", "\u65e5\u672c \t tab \ud83d\ude00 emoji\n", "\u0000",
                "a".repeat(8191) + "\r\nb", "a".repeat(8191) + "\r\r\n" + "c".repeat(9000) + "\r"}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            PrintWriter out = TerminalText.guard(new TerminalOut(b, StandardCharsets.UTF_8), false);
            out.print(s);
            out.flush();
            assertEquals(b.toString(StandardCharsets.UTF_8),
                    new String(TerminalGuard.guardedUtf8(s), StandardCharsets.UTF_8), s);
        }
        assertEquals("a\\u001Bb", new String(TerminalGuard.guardedUtf8("a\u001bb"), StandardCharsets.UTF_8));
    }
}
