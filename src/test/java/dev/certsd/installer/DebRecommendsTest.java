package dev.certsd.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb's control file gains a CJK font JavaFX can draw with (IPA Gothic; Noto CJK's .ttc alone shows boxes)
 * right after Depends, as installer/build.sh adds it.
 */
class DebRecommendsTest {
    @TempDir
    Path tmp;

    @Test
    void theBuildScriptsEditAddsTheCjkFontAfterDependsOnce() throws Exception {
        Path sed = ExternalTools.require("sed", "sed");
        String script = Files.readString(Path.of("installer/build.sh"));
        String line = script.lines().filter(l -> l.contains("Recommends: fonts-ipafont-gothic")).findFirst().orElseThrow()
                .strip();
        String expression = line.substring(line.indexOf('\'') + 1, line.lastIndexOf('\''));
        Path control = Files.writeString(tmp.resolve("control"), "Package: certsd-studio\nVersion: 0.1.0\n"
                + "Depends: libgtk-3-0, libc6\nDescription: x\n");
        ExternalTools.Result r = ExternalTools.run(List.of(sed.toString(), "-i", expression, control.toString()), null);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("Package: certsd-studio", "Version: 0.1.0", "Depends: libgtk-3-0, libc6",
                "Recommends: fonts-ipafont-gothic, fonts-noto-cjk", "Description: x"), Files.readAllLines(control));
    }
}
