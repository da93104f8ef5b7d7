// over 300 lines: the help of every command in one suite, check's whole expected screen among it (55 lines)
package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.pki.CaImport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The usage help comes from the help bundle in the default locale: every command, option and positional parameter
 * is described in English and in Japanese, and {@code --help} prints it.
 */
class HelpTextTest {
    /** Hiragana, katakana or a kanji: a text with none is not Japanese. */
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final List<String> COMMANDS = List.of("check", "test", "fix", "undo", "redo", "history",
            "apply-prepared", "new-host", "gen-client", "import-signed", "import-ca", "test-pki");

    private Locale before;

    @BeforeEach
    void rememberLocale() {
        before = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void everyCommandOptionAndParameterIsDescribedInEnglishAndInJapanese() {
        Map<String, String> en = described(Locale.ENGLISH);
        Map<String, String> ja = described(Locale.JAPANESE);

        // the walk reached every command, the mixins' options and the positional parameters
        assertTrue(en.containsKey("certsd-studio"), en.keySet().toString());
        for (String c : COMMANDS) {
            assertTrue(en.containsKey("certsd-studio " + c), c);
            assertTrue(en.containsKey("certsd-studio " + c + " --help"), c);
        }
        assertTrue(en.containsKey("certsd-studio check --root"));
        assertTrue(en.containsKey("certsd-studio fix --journal"));
        assertTrue(en.containsKey("certsd-studio import-ca FILE[1]"));
        assertTrue(en.size() > 150, "only " + en.size() + " descriptions");
        assertEquals(en.keySet(), ja.keySet());

        List<String> problems = new ArrayList<>();
        for (String what : en.keySet()) {
            String e = en.get(what);
            String j = ja.get(what);
            if (e.isBlank() || j.isBlank()) {
                problems.add(what + ": no description (en \"" + e + "\", ja \"" + j + "\")");
            } else if (e.equals(j)) {
                problems.add(what + ": the same in English and Japanese: " + e);
            } else if (!JAPANESE.matcher(j).find() || JAPANESE.matcher(e).find()) {
                problems.add(what + ": the wrong language (en \"" + e + "\", ja \"" + j + "\")");
            }
            if (e.contains("${") || j.contains("${")) {
                problems.add(what + ": an unresolved variable");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyExitCodeIsExplainedInBothLanguagesWithTheSameCodes() {
        Map<String, Map<String, String>> en = exitCodes(Locale.ENGLISH);
        Map<String, Map<String, String>> ja = exitCodes(Locale.JAPANESE);
        assertEquals(Map.of("0", "no host directory has an error", "1", "a host directory has an error",
                "2", "usage or I/O error"), en.get("check"));
        assertEquals(Map.of(), en.get("history"), "history has no exit code list");
        for (String c : COMMANDS) {
            assertEquals(en.get(c).keySet(), ja.get(c).keySet(), c);
            for (String code : en.get(c).keySet()) {
                assertTrue(JAPANESE.matcher(ja.get(c).get(code)).find(), c + " " + code + ": " + ja.get(c).get(code));
            }
        }
    }

    @Test
    void checkHelpInEnglishIsTodaysHelp() {
        Locale.setDefault(Locale.ENGLISH);
        assertEquals("""
                Usage: certsd-studio check [-hV] [--json] [--client=CLIENT]
                                           [--daemon-json=FILE] [--expiring-days=DAYS]
                                           [--hosts-file=FILE] [--inventory=FILE]
                                           [--max-connections=N] [--os=OS] [--root=DIR]
                                           [--ssh=MACHINE] [--ssh-timeout=SECONDS]
                                           [--accept-host-key=SHA256:...]... [HOSTDIR...]
                Show, for each registry host directory, the verdict the client reaches and
                every finding.
                      [HOSTDIR...]           Only these host directories: names in the root, or
                                               paths of entries directly in it (without --root,
                                               their parent is the root).
                      --accept-host-key=SHA256:...
                                             Trust this SHA-256 host key fingerprint of a
                                               machine not yet in ~/.ssh/known_hosts (and add
                                               it there). Compare it with the one the machine's
                                               administrator gives you first.
                      --client=CLIENT        Whose reading to model: docker (default),
                                               containers (podman, skopeo, buildah),
                                               containerd; NAME@VERSION models that release
                                               (docker@20.10, containerd@1.6.20), else the one
                                               installed here.
                      --daemon-json=FILE     Docker's daemon.json for insecure-registries
                                               (default: /etc/docker/daemon.json).
                      --expiring-days=DAYS   Warn about certificates that end within this many
                                               days (default: 30).
                  -h, --help                 Show this help message and exit.
                      --hosts-file=FILE      Hosts file used to see which names resolve to
                                               loopback (default: /etc/hosts).
                      --inventory=FILE       Check every machine of this inventory over SSH: an
                                               Ansible inventory (INI or YAML; ansible_host,
                                               ansible_port, ansible_user) or a list of [user@]
                                               host[:port], one a line.
                      --json                 Print one JSON document instead of text.
                      --max-connections=N    With --inventory: at most this many SSH
                                               connections at once (default 8).
                      --os=OS                Read directory names as on linux, mac or windows
                                               (default: this OS).
                      --root=DIR             The certs root (default: the client's first
                                               existing root on this machine).
                      --ssh=MACHINE          Read a remote machine over SSH (SFTP, read-only)
                                               instead of this one: [user@]host[:port] or a
                                               Host of ~/.ssh/config. --root, --daemon-json and
                                               --hosts-file then name its files.
                      --ssh-timeout=SECONDS  Seconds to wait for the connection, the login and
                                               every answer (default 20).
                  -V, --version              Print version information and exit.
                Exit codes:
                  0   no host directory has an error
                  1   a host directory has an error
                  2   usage or I/O error
                """, help("check", "--help"));
    }

    @Test
    void testHelpInEnglishHasTodaysWording() {
        Locale.setDefault(Locale.ENGLISH);
        String help = flat(help("test", "--help"));
        for (String s : List.of("Usage: certsd-studio test [-hV] [--custom-roots-only] [--json]",
                "Connect to the registry of a host directory: each client certificate alone in load order, the docs' "
                        + "answer and what a Go client (Docker, podman, skopeo) really sends.",
                "--json Print one JSON document instead of text.",
                "--timeout=S Time limit in seconds (default: 5) for each step (connect, handshake, read), for each "
                        + "attempt as a whole, and for the whole test: a server that answers slowly cannot stretch it.",
                "--custom-roots-only Trust only the directory's CAs, as old Docker and Docker on Windows did.",
                "--endpoint=URL Connect here instead of https://HOSTDIR/v2/ (the directory's certificates are still "
                        + "used).",
                "-h, --help Show this help message and exit.",
                "Exit codes: 0 the client is predicted to succeed 1 the client is predicted to fail "
                        + "2 usage or I/O error")) {
            assertTrue(help.contains(s), s + "\nnot in\n" + help);
        }
        assertFalse(JAPANESE.matcher(help).find(), help);
    }

    @Test
    void checkAndTestHelpInJapaneseIsJapanese() {
        Locale.setDefault(Locale.JAPAN);
        String check = help("check", "--help");
        String test = help("test", "-h");
        assertTrue(check.startsWith("使い方:\n  certsd-studio check [-hV] [--json]"), check);
        assertTrue(test.startsWith("使い方:\n  certsd-studio test [-hV] [--custom-roots-only]"), test);
        for (String s : List.of("レジストリのホストディレクトリごとに、クライアントが下す判定とすべての検出事項を表示します。",
                "[HOSTDIR...] これらのホストディレクトリだけを調べます。",
                "--root=DIR certs ルート（既定: このマシンにある、そのクライアントの最初のルート）。",
                "-h, --help このヘルプを表示して終了します。",
                "終了コード: 0 エラーのあるホストディレクトリはありません 1 エラーのあるホストディレクトリがあります")) {
            assertTrue(squashed(check).contains(squashed(s)), s + "\nnot in\n" + check);
        }
        for (String s : List.of("各クライアント証明書を読み込み順に 1 つずつ試し",
                "--timeout=S 制限時間（秒、既定: 5）。接続・ハンドシェイク・読み取りの各段階、各試行の全体、テスト全体のそれぞれに"
                        + "適用されます。応答の遅いサーバーでも延びません。",
                "--custom-roots-only 以前の Docker や Windows の Docker と同じく、ディレクトリの CA だけを信頼します。",
                "--json テキストの代わりに JSON ドキュメントを 1 つ出力します。",
                "0 クライアントは成功する見込みです")) {
            assertTrue(squashed(test).contains(squashed(s)), s + "\nnot in\n" + test);
        }
        for (String english : List.of("Usage:", "Exit codes:", "Print one JSON document", "The certs root",
                "Show this help message")) {
            assertFalse(check.contains(english) || test.contains(english), english);
        }
    }

    /** Every help screen prints in both languages, within 80 columns, no line opening with a closing mark. */
    @Test
    void everyHelpScreenPrintsWithinEightyColumnsInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Locale.setDefault(locale);
            List<String> screens = new ArrayList<>(List.of(""));
            screens.addAll(COMMANDS);
            for (String c : screens) {
                String help = c.isEmpty() ? help("--help") : help(c, "--help");
                for (String line : help.split("\n")) {
                    if (columns(line) > 80) {
                        problems.add(locale + " " + c + ": wider than 80 columns: " + line);
                    }
                    if (line.strip().matches("^[、。）」：].*")) {
                        problems.add(locale + " " + c + ": a line opens with a closing mark: " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void harborOptionNamesThePathTheImportReads() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Locale.setDefault(locale);
            CommandLine cl = CertsdCommand.commandLine();
            String harbor = String.join(" ", cl.getSubcommands().get("import-ca").getCommandSpec()
                    .findOption("--harbor").description());
            assertTrue(harbor.contains(CaImport.HARBOR_CA_PATH), locale + ": " + harbor);
        }
    }

    @Test
    void versionAndTheUsageWithoutArgumentsStillWork() {
        Locale.setDefault(Locale.JAPAN);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, CertsdCommand.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(err)));
        assertTrue(out.toString().startsWith("Certs.d Studio "), out.toString());
        assertEquals("", err.toString());
        for (String command : List.of("check", "test", "fix")) {
            StringWriter sub = new StringWriter();
            assertEquals(0, CertsdCommand.run(new String[] {command, "-V"}, new PrintWriter(sub),
                    new PrintWriter(new StringWriter())));
            assertEquals(out.toString(), sub.toString(), command + " -V prints the same version");
        }
        String usage = help();
        assertTrue(usage.startsWith("使い方:\n  certsd-studio [-hV] [COMMAND]\n"), usage);
        assertTrue(usage.contains("\nコマンド:\n  check "), usage);
        assertEquals(usage, help("--help"));
    }

    // --- helpers

    /** Every description in the model, keyed by "command", "command --option" or "command LABEL[index]". */
    private static Map<String, String> described(Locale locale) {
        Locale.setDefault(locale);
        Map<String, String> out = new LinkedHashMap<>();
        walk(CertsdCommand.commandLine(), out);
        return out;
    }

    private static void walk(CommandLine cl, Map<String, String> out) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName();
        out.put(name, String.join(" ", spec.usageMessage().description()));
        for (OptionSpec o : spec.options()) {
            out.put(name + " " + o.longestName(), String.join(" ", o.description()));
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            out.put(name + " " + p.paramLabel() + "[" + p.index() + "]", String.join(" ", p.description()));
        }
        cl.getSubcommands().values().forEach(sub -> walk(sub, out));
    }

    private static Map<String, Map<String, String>> exitCodes(Locale locale) {
        Locale.setDefault(locale);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        CertsdCommand.commandLine().getSubcommands().forEach((name, sub) -> {
            Map<String, String> codes = new LinkedHashMap<>();
            sub.getCommandSpec().usageMessage().exitCodeList().forEach((k, v) -> codes.put(k.strip(), v));
            out.put(name, codes);
        });
        return out;
    }

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsdCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        assertEquals("", err.toString(), String.join(" ", args));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    /** The help with each run of white space (a wrapped line's break and indent) as one space. */
    private static String flat(String help) {
        return help.replaceAll("\\s+", " ");
    }

    /** The text without white space: Japanese wraps anywhere, so a break may fall inside a word. */
    private static String squashed(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Terminal columns: kana, kanji and full-width forms take two. */
    private static int columns(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean wide = (c >= '\u3000' && c <= '\u30ff') || (c >= '\u4e00' && c <= '\u9fff')
                    || (c >= '\uff01' && c <= '\uff60');
            n += wide ? 2 : 1;
        }
        return n;
    }
}
