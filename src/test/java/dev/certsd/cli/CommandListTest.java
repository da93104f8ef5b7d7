package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** certsd-studio --help: gui is listed, and a line never breaks inside a token nor around a Japanese bracket. */
class CommandListTest {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private static String help() {
        StringWriter out = new StringWriter();
        CertsdCommand.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    /** The names the first argument is matched with are each command's own (its @Command name). */
    @Test
    void subcommandNamesAreTheirAnnotations() {
        for (var c : CertsdCommand.COMMANDS) {
            assertEquals(c.getValue().getAnnotation(picocli.CommandLine.Command.class).name(), c.getKey());
            // and asking for it by that name builds that command alone
            var sub = CertsdCommand.commandLine(new String[] {c.getKey()}).getSubcommands();
            assertEquals(List.of(c.getKey()), List.copyOf(sub.keySet()));
            assertEquals(c.getValue(), sub.get(c.getKey()).getCommand().getClass());
        }
        assertEquals(CertsdCommand.COMMANDS.size(), CertsdCommand.commandLine().getSubcommands().size());
    }

    @Test
    void guiIsListedAndTokensStayWhole() {
        Locale.setDefault(Locale.ENGLISH);
        String help = help();
        assertTrue(help.contains("\n  gui  "), help);
        assertTrue(help.contains("10.0.0.5:5000"), "not broken after the colon: " + help);
        assertTrue(help.contains("NAME.key"), help);
    }

    @Test
    void japaneseBreaksBetweenCharactersButNotAroundBrackets() {
        Locale.setDefault(Locale.JAPANESE);
        for (String line : help().split("\n")) {
            assertFalse(line.endsWith("（") || line.endsWith("「"), "an opening bracket ends: " + line);
            assertFalse(line.strip().startsWith("）") || line.strip().startsWith("、"), "a closing mark opens: " + line);
        }
    }

    @Test
    void wrappingCountsAJapaneseCharacterAsTwoColumns() {
        assertEquals(List.of("ああ", "ああ"), CommandList.wrap("ああああ", 4));
        assertEquals(List.of("a b", "c"), CommandList.wrap("a b c", 3));
        assertEquals(List.of("x", "（あ）"), CommandList.wrap("x（あ）", 5));
    }
}
