package dev.certsd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line never turns Japanese messages or non-ASCII paths into question marks. */
class LauncherCharsetTest {
    @Test
    void anAsciiTerminalGetsUtf8AndEveryOtherKeepsItsCharset() {
        assertEquals(StandardCharsets.UTF_8, Launcher.outputCharset(StandardCharsets.US_ASCII));
        assertEquals(StandardCharsets.UTF_8, Launcher.outputCharset(Charset.forName("ANSI_X3.4-1968")));
        assertEquals(StandardCharsets.UTF_8, Launcher.outputCharset(StandardCharsets.UTF_8));
        assertEquals(Charset.forName("EUC-JP"), Launcher.outputCharset(Charset.forName("EUC-JP")));
        assertEquals(StandardCharsets.ISO_8859_1, Launcher.outputCharset(StandardCharsets.ISO_8859_1));
    }
}
