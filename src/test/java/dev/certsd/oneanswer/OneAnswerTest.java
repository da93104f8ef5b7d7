// over 300 lines: one comparison of every face (JSON, text, tree, details); its readers of each face belong together
package dev.certsd.oneanswer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.cli.CertsdCommand;
import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.Severity;
import dev.certsd.diagnose.Verdict;
import dev.certsd.fix.Fix;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.sample.SampleRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.details.Details;
import dev.certsd.ui.details.DetailsBuilder;
import dev.certsd.ui.workspace.ChangeWatcher;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootsViewModel;
import dev.certsd.ui.workspace.VerdictLook;
import dev.certsd.ui.work.Background;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One answer in every face: for the sample root, read as each client, {@code check --json}, {@code check}'s text and
 * the window's tree and details (the view models they render) show the same verdict level for every host directory,
 * and the same findings, fixes and badges for every host and file; root entries that are not plain directories (a
 * file named like a host directory, a dangling link, a linked directory) included.
 */
class OneAnswerTest {
    private static Locale saved;
    /** Root entries that are not plain host directories, added to the sample: a file, a link, a dangling link. */
    private static final List<String> ENTRIES = List.of("127.0.0.1:5443", "gone.example.com:5000",
            "linked.example.com:5000");
    @TempDir
    static Path data;
    static Path sample;
    static List<String> hostDirs;

    @BeforeAll
    static void sampleRoot() throws IOException {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        sample = new SampleRoot(Clock.systemUTC()).generate(data);
        java.nio.file.Files.writeString(sample.resolve(ENTRIES.get(0)), "not a directory\n");
        java.nio.file.Files.createSymbolicLink(sample.resolve(ENTRIES.get(1)), Path.of("nowhere"));
        java.nio.file.Files.createSymbolicLink(sample.resolve(ENTRIES.get(2)), Path.of(SampleRoot.HEALTHY));
        List<String> all = new ArrayList<>(SampleRoot.HOST_DIRS);
        all.addAll(ENTRIES);
        all.sort(dev.certsd.diagnose.RootScanner.loadOrder());
        hostDirs = List.copyOf(all);
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(saved);
    }

    /** What one face says about one host directory. */
    record Face(String level, Map<String, List<String>> findings, Map<String, List<String>> badges) {
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void jsonTextTreeAndDetailsSayTheSame(Client client) throws IOException {
        Map<String, Face> json = json(client);
        Map<String, Face> text = text(client);
        Map<String, Face> window = window(client);
        assertEquals(hostDirs, List.copyOf(json.keySet()));
        assertEquals(json.keySet(), text.keySet());
        assertEquals(json.keySet(), window.keySet());
        for (String host : json.keySet()) {
            assertEquals(json.get(host).level(), text.get(host).level(), client + " " + host + ": level in text");
            assertEquals(json.get(host).level(), window.get(host).level(), client + " " + host + ": level in window");
            assertEquals(json.get(host).findings(), text.get(host).findings(), client + " " + host + ": text findings");
            assertEquals(json.get(host).findings(), window.get(host).findings(), client + " " + host + ": window findings");
            assertEquals(json.get(host).badges(), text.get(host).badges(), client + " " + host + ": text badges");
            assertEquals(json.get(host).badges(), window.get(host).badges(), client + " " + host + ": tree badges");
        }
        assertEquals(client == Client.DOCKER ? "ignored" : "config-error", json.get("127.0.0.1:5443").level(),
                "a file named like a host directory (Docker never reads certs.d for loopback)");
        assertEquals(json.get(SampleRoot.HEALTHY).level(), json.get("linked.example.com:5000").level());
        // Docker and containers/image skip a non-PEM .crt silently; containerd refuses it ("unable to load CA cert")
        assertEquals(client == Client.CONTAINERD ? "config-error" : "fails-later",
                json.get("der-ca.example.com").level(), "a DER CA");
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--daemon-json", data.resolve("none.json").toString(), "--hosts-file",
                data.resolve("no-hosts").toString()));
        CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertEquals("", err.toString());
        return out.toString();
    }

    private static String line(String severity, String message, List<String> fixes) {
        return severity + " " + message + " " + fixes;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Face> json(Client client) throws IOException {
        Map<String, Object> doc = JSON.std.mapFrom(run("check", "--root", sample.toString(), "--client", client.id(),
                "--json"));
        Map<String, Face> faces = new LinkedHashMap<>();
        for (Object o : (List<Object>) doc.get("hosts")) {
            Map<String, Object> h = (Map<String, Object>) o;
            Map<String, List<String>> findings = new TreeMap<>();
            Map<String, List<String>> badges = new TreeMap<>();
            List<String> all = new ArrayList<>();
            for (Object fo : (List<Object>) h.get("findings")) {
                all.add(jsonLine((Map<String, Object>) fo));
            }
            findings.put("", sorted(all));
            for (Object f : (List<Object>) h.get("files")) {
                Map<String, Object> file = (Map<String, Object>) f;
                List<String> lines = new ArrayList<>();
                for (Object fo : (List<Object>) file.get("findings")) {
                    lines.add(jsonLine((Map<String, Object>) fo));
                }
                findings.put((String) file.get("name"), sorted(lines));
                badges.put((String) file.get("name"), sorted((List<String>) file.get("badges")));
            }
            String level = (String) ((Map<String, Object>) h.get("verdict")).get("level");
            faces.put((String) h.get("dir"), new Face(level, findings, badges));
        }
        return faces;
    }

    @SuppressWarnings("unchecked")
    private static String jsonLine(Map<String, Object> f) {
        List<String> fixes = ((List<Object>) f.get("fixes")).stream()
                .map(x -> (String) ((Map<String, Object>) x).get("how")).toList();
        return line((String) f.get("severity"), (String) f.get("message"), fixes);
    }

    /** Parses check's text: a block per host, its verdict words first, files with badges, findings and fixes. */
    private Map<String, Face> text(Client client) {
        String out = run("check", "--root", sample.toString(), "--client", client.id());
        Map<String, Face> faces = new LinkedHashMap<>();
        for (String block : out.split("\n\n")) {
            String[] lines = block.split("\n");
            if (lines.length < 3 || !lines[1].startsWith("  Client pairs")) {
                continue;
            }
            String host = lines[0].substring(0, lines[0].indexOf("  "));
            String verdict = lines[0].substring(host.length() + 2);
            Map<String, List<String>> findings = new TreeMap<>();
            Map<String, List<String>> badges = new TreeMap<>();
            List<String> all = new ArrayList<>();
            String file = null;
            List<String> current = null;
            String pending = null;
            List<String> pendingFixes = new ArrayList<>();
            for (int i = 3; i <= lines.length; i++) {
                String l = i < lines.length ? lines[i] : "  <end>  [";
                boolean fix = l.trim().startsWith("fix (");
                if (fix) {
                    pendingFixes.add(l.trim().substring(5, l.trim().indexOf(')')));
                    continue;
                }
                if (pending != null) {
                    String[] p = pending.trim().split(" ", 2);
                    String entry = line(p[0], p[1].substring(p[1].indexOf(": ") + 2), List.copyOf(pendingFixes));
                    all.add(entry);
                    if (pending.startsWith("      ")) {
                        current.add(entry);
                    }
                    pending = null;
                    pendingFixes.clear();
                }
                if (i == lines.length) {
                    break;
                }
                if (!l.startsWith("   ") && l.contains("  [")) {
                    file = l.substring(2, l.indexOf("  ["));
                    current = new ArrayList<>();
                    findings.put(file, current);
                    String b = l.substring(l.indexOf("  [") + 3, l.length() - 1);
                    badges.put(file, sorted(b.isEmpty() ? List.of() : List.of(b.split(", "))));
                } else {
                    pending = l;
                }
            }
            findings.replaceAll((k, v) -> sorted(v));
            findings.put("", sorted(all));
            faces.put(host, new Face(textLevel(verdict), findings, badges));
        }
        return faces;
    }

    private static String textLevel(String verdict) {
        if (verdict.startsWith("OK:")) {
            return "ok";
        }
        if (verdict.startsWith("LOADS, BUT FAILS LATER")) {
            return "fails-later";
        }
        if (verdict.startsWith("ERROR before any connection") || verdict.startsWith("HANGS")) {
            return "config-error";
        }
        assertTrue(verdict.startsWith("IGNORED") || verdict.startsWith("SKIPPED"), verdict);
        return "ignored";
    }

    /** The window: the tree's row words and badges, and the details pane of the host and of each file. */
    private Map<String, Face> window(Client client) {
        UiText text = new UiText(Locale.ENGLISH);
        Messages messages = new Messages(Locale.ENGLISH);
        CertsRoot root = CertsRoot.custom(sample, client);
        MachineOptions machine = MachineOptions.of(data.resolve("none.json"), data.resolve("no-hosts"));
        RootsViewModel roots = new RootsViewModel(() -> List.of(root), List.of(), machine::lenientScanOptions,
                Background.sameThread(), ChangeWatcher.none(), () -> data, text);
        roots.start();
        DetailsBuilder builder = new DetailsBuilder(text, messages, Clock.systemUTC());
        VerdictLook look = new VerdictLook(text);
        Map<String, Face> faces = new LinkedHashMap<>();
        for (String dir : hostDirs) {
            Node.HostNode h = (Node.HostNode) roots.node(NodeKey.ofHost(sample, dir)).orElseThrow();
            Verdict v = h.verdict();
            Details details = builder.build(h);
            String treeLevel = treeLevel(look.shortText(v), v);
            String detailsLevel = detailsLevel(details.banner());
            assertEquals(treeLevel, detailsLevel, client + " " + dir + ": the tree and the details banner");
            assertEquals(look.longText(v), details.banner().text());
            if (details.banner().tone() == Details.Tone.SUCCESS) {
                assertTrue(details.findings().stream().noneMatch(l -> l.severity() == Severity.ERROR),
                        client + " " + dir + ": a green OK above a red finding");
            }
            Map<String, List<String>> findings = new TreeMap<>();
            Map<String, List<String>> badges = new TreeMap<>();
            findings.put("", sorted(lines(details)));
            for (FileReport f : h.host().files()) {
                Node.FileNode node = (Node.FileNode) roots.node(NodeKey.ofFile(sample, dir, f.name())).orElseThrow();
                findings.put(f.name(), sorted(lines(builder.build(node))));
                badges.put(f.name(), sorted(node.file().badges().stream().map(Badge::id).toList()));
            }
            faces.put(dir, new Face(treeLevel, findings, badges));
        }
        return faces;
    }

    private static List<String> lines(Details d) {
        return d.findings().stream().map(l -> line(l.severity().id(), l.text(),
                l.fixes().stream().map(Fix::kind).map(k -> k.id()).toList())).toList();
    }

    private static String treeLevel(String words, Verdict v) {
        if (words.equals("OK")) {
            return "ok";
        }
        if (words.startsWith("loads, but fails later")) {
            return "fails-later";
        }
        if (words.startsWith("certs.d ignored") || words.startsWith("certs.d skipped")) {
            return "ignored";
        }
        assertNotNull(v.clientError() != null ? v.clientError() : v.hangsOn());
        return "config-error";
    }

    private static String detailsLevel(Details.Banner b) {
        String t = b.text();
        if (t.startsWith("OK:")) {
            assertEquals(Details.Tone.SUCCESS, b.tone());
            return "ok";
        }
        assertFalse(b.tone() == Details.Tone.SUCCESS, t);
        if (t.startsWith("Loads, but fails later")) {
            return "fails-later";
        }
        if (t.startsWith("certs.d ignored") || t.startsWith("certs.d skipped")) {
            return "ignored";
        }
        assertEquals(Details.Tone.DANGER, b.tone(), t);
        return "config-error";
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
