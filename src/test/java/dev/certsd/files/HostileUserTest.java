// over 300 lines: one hostile-user suite; the race and the refusals share the attacker's set-up and the sentinel check
package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.cli.CertsdCommand;
import dev.certsd.testing.AsNobody;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.RootOnly;
import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's hostile local user: root runs {@code fix}, {@code undo} and friends in a certs root another user controls
 * while that user ({@link Attacker}, as nobody) swaps what root is about to touch for symbolic links into a root-owned
 * sentinel tree. Whatever root's runs end in, the sentinel tree (content, mode, owner of every entry) is the same
 * afterwards, and every run that did not change the files says why, with exit code 1 and no stack trace.
 *
 * <p>Runs only as root with setpriv (CI runs as root); the base directory is made under /tmp, which nobody can reach,
 * and removed afterwards without following any link.
 */
class HostileUserTest {
    private static final List<String> FILES = List.of("myca.cert", "client.cert", "client.key", "orphan.key", "myca.crt");
    private static final int ROUNDS = 8;
    private static final int CYCLES_PER_ROUND = 13;

    private Path base;
    private Path sentinel;
    private Path certsRoot;
    private Path host;
    private Path journal;
    private AsNobody nobody;
    private final List<String> refusals = new ArrayList<>();
    private int changed;

    @BeforeEach
    void layout() throws IOException {
        RootOnly.require("racing root as another user");
        base = Files.createTempDirectory(Path.of("/tmp"), "certsd-hostile");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        nobody = AsNobody.prepare(Files.createDirectory(base.resolve("nobody")));
        sentinel = Files.createDirectory(base.resolve("sentinel"));
        for (String name : FILES) {
            Path f = Files.writeString(sentinel.resolve(name), contentOf(name));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(name.endsWith(".key") ? "rw-------" : "rw-r--r--"));
        }
        Files.createDirectory(sentinel.resolve("disabled"));
        Path home = nobody.ownedDirectory("home");
        certsRoot = owned(home.resolve("certs.d"));
        host = certsRoot.resolve("reg.example.com:5000");
        journal = base.resolve("root-journal");
    }

    @AfterEach
    void removeEverything() throws IOException {
        if (base != null) {
            removeTree(base);
        }
    }

    @Test
    void racingRootsFixesAndUndoesChangesNothingOutsideTheUsersCertsRoot() throws Exception {
        Map<String, String> before = snapshot(sentinel);
        int runs = 0;
        for (int round = 0; round < ROUNDS; round++) {
            seedHost();
            Process attacker = startAttacker(round);
            try {
                for (int cycle = 0; cycle < CYCLES_PER_ROUND; cycle++) {
                    boolean remove = (cycle & 1) == 1;
                    run(remove ? new String[] {"fix", "ORPHAN_KEY", "--how", "remove"} : new String[] {"fix", "--all"});
                    run("undo");
                    runs += 2;
                }
            } finally {
                attacker.destroyForcibly();
                attacker.waitFor(10, TimeUnit.SECONDS);
            }
            assertEquals(before, snapshot(sentinel), "round " + round + " changed the sentinel tree");
        }
        assertTrue(runs >= 200, "runs: " + runs);
        System.out.printf("hostile user: %d root runs, %d changed files, %d refused or rolled back%n",
                runs, changed, refusals.size());
        assertTrue(changed > 0, "no run got through: the race proves nothing\n" + String.join("\n", refusals));
        assertFalse(refusals.isEmpty(), "the attacker never got in the way: the race proves nothing");
    }

    @Test
    void rootRefusesACertsRootOtherUsersMayWrite() throws IOException {
        Path open = Files.createDirectory(base.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path root = Files.createDirectory(open.resolve("certs.d"));
        writeFixable(Files.createDirectory(root.resolve("reg.example.com:5000")));
        Map<String, String> before = snapshot(root);
        String why = refused(root, "fix", "--all");
        assertTrue(why.contains("other users may write (mode 0777)"), why);
        assertEquals(before, snapshot(root));
    }

    @Test
    void rootRefusesADirectoryBelowAnotherUsersDirectory() throws IOException {
        Path theirs = owned(base.resolve("theirs"));
        Path root = Files.createDirectory(theirs.resolve("certs.d"));
        writeFixable(Files.createDirectory(root.resolve("reg.example.com:5000")));
        Map<String, String> before = snapshot(root);
        String why = refused(root, "fix", "--all");
        assertTrue(why.contains("which belongs to nobody"), why);
        assertEquals(before, snapshot(root));
    }

    @Test
    void rootDoesNotWriteThroughAHostDirectoryLinkAnotherUserMade() throws Exception {
        Path target = Files.createDirectory(base.resolve("root-owned-target"));
        writeFixable(target);
        Map<String, String> before = snapshot(target);
        ExternalLink.make(nobody, host, target);
        String why = refused(certsRoot, "fix", "--all", "--how", "remove");
        assertTrue(why.contains("is a symbolic link made by nobody (" + host + " \u2192 " + target + ")"), why);
        assertEquals(before, snapshot(target));
    }

    @Test
    void aJournalAnotherUserControlsIsNeverUsed() throws Exception {
        seedHost();
        Path theirs = owned(base.resolve("their-journal"));
        String why = refusedWithJournal(theirs, "fix", "--all");
        assertTrue(why.contains("is not this user's own private directory"), why);
        Path link = owned(base.resolve("their-links")).resolve("journal");
        ExternalLink.make(nobody, link, Files.createDirectory(base.resolve("real-journal")));
        why = refusedWithJournal(link, "undo");
        assertTrue(why.contains("is not this user's own private directory"), why);
    }

    // --- the root runs ---

    private String run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common(args[0], certsRoot, journal));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        String text = out + "" + err;
        assertNoStackTrace(text, all);
        assertTrue(code == 0 || code == 1, "exit " + code + " from " + all + ":\n" + text);
        if (text.contains("done: recorded as change") || text.startsWith("Undone change")) {
            changed++;
        } else {
            assertTrue(code == 1 || text.contains("Nothing to") || text.contains("nothing to") || text.contains("0 fixed")
                    || text.contains("No finding") || text.contains("no finding"), "a run changed nothing yet exited "
                    + code + " without saying why: " + all + "\n" + text);
            assertFalse(text.isBlank(), "a run said nothing: " + all);
            refusals.add(text);
        }
        return text;
    }

    private String refused(Path root, String... args) {
        return refusedWithJournal(journal, root, args);
    }

    private String refusedWithJournal(Path journalDir, String... args) {
        return refusedWithJournal(journalDir, certsRoot, args);
    }

    private String refusedWithJournal(Path journalDir, Path root, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common(args[0], root, journalDir));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        String text = out + "" + err;
        assertNoStackTrace(text, all);
        assertEquals(1, code, all + "\n" + text);
        return text;
    }

    private List<String> common(Path root, Path journalDir) {
        return List.of("--journal", journalDir.toString());
    }

    private List<String> common(String command, Path root, Path journalDir) {
        if (command.equals("undo") || command.equals("redo") || command.equals("history")) {
            return common(root, journalDir);
        }
        return List.of("--root", root.toString(), "--client", "docker", "--daemon-json", base.resolve("none.json").toString(),
                "--hosts-file", base.resolve("no-hosts").toString(), "--journal", journalDir.toString());
    }

    private static void assertNoStackTrace(String text, List<String> args) {
        assertFalse(text.contains("\tat ") || text.contains("Exception") || text.contains("java.lang."),
                "a stack trace from " + args + ":\n" + text);
    }

    // --- the trees ---

    private void seedHost() throws IOException {
        for (Path stray : List.of(host, certsRoot.resolve(".attacker-real"), certsRoot.resolve(".attacker-link"))) {
            if (Files.exists(stray, LinkOption.NOFOLLOW_LINKS)) {
                removeTree(stray);
            }
        }
        owned(host);
        writeFixable(host);
        try (var entries = Files.list(host)) {
            for (Path p : entries.toList()) {
                Files.setAttribute(p, "unix:uid", AsNobody.UID, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", AsNobody.UID, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** A CA saved as .cert (rename), a pair whose key others may read (mode), an orphan key (set aside or remove). */
    private static void writeFixable(Path dir) throws IOException {
        for (String name : List.of("myca.cert", "client.cert", "client.key", "orphan.key")) {
            Path f = Files.writeString(dir.resolve(name), contentOf(name));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String contentOf(String name) {
        return switch (name) {
            case "myca.cert", "myca.crt" -> Fixtures.CLIENT_CA.certPem();
            case "client.cert" -> Fixtures.CLIENT.certPem();
            case "client.key" -> Fixtures.CLIENT.keyPem();
            case "orphan.key" -> TestPki.pkcs8Pem(TestPki.ec(7).getPrivate());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Process startAttacker(int round) throws IOException, InterruptedException {
        Path log = base.resolve("attacker-" + round + ".log");
        String mode = List.of("host", "files", "staging", "all").get(round % 4);
        List<String> args = new ArrayList<>(List.of(mode, host.toString(), sentinel.toString()));
        args.addAll(FILES);
        Process p = nobody.start(log, Attacker.class, args.toArray(String[]::new));
        for (int i = 0; i < 200 && !Files.readString(log).contains("attacking"); i++) {
            if (!p.isAlive()) {
                throw new IOException("the attacker died: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        assertTrue(Files.readString(log).contains("attacking"), "the attacker did not start: " + Files.readString(log));
        return p;
    }

    private static Path owned(Path dir) throws IOException {
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(dir, "unix:uid", AsNobody.UID);
        Files.setAttribute(dir, "unix:gid", AsNobody.UID);
        return dir;
    }

    /** Every entry's kind, content hash (or link target), mode and owner, without following any link. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                out.put(dir.relativize(d) + "/", describe(d));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                out.put(dir.relativize(f).toString(), describe(f));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private static String describe(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what = a.isSymbolicLink() ? "link " + Files.readSymbolicLink(p)
                : a.isRegularFile() ? "file " + sha256(Files.readAllBytes(p)) : a.isDirectory() ? "dir" : "other";
        return what + " " + PosixFilePermissions.toString(a.permissions()) + " " + a.owner().getName() + ":"
                + a.group().getName();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A symbolic link made by nobody (so its owner is nobody), through a one-line run of ln as that user. */
    private static final class ExternalLink {
        static void make(AsNobody as, Path link, Path target) throws IOException, InterruptedException {
            var r = dev.certsd.testing.ExternalTools.run(List.of("setpriv", "--reuid=" + AsNobody.UID,
                    "--regid=" + AsNobody.UID, "--clear-groups", "ln", "-s", target.toString(), link.toString()), Path.of("/"));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(AsNobody.UID, Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        }
    }
}
