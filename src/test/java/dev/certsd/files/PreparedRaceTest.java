package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.AsNobody;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.RootOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privileged helper under attack by the user who prepared the change: while root applies it again and again,
 * nobody swaps, in a tight loop, the prepared content for a link to a root-only file and the manifest for one that
 * names a path outside the certs root. Every run either applies exactly the prepared change or is refused with its
 * reason, and nothing outside the certs root changes (content, mode, owner).
 */
class PreparedRaceTest {
    private static final int RUNS = 300;
    private static final byte[] KEY = "-----BEGIN PRIVATE KEY-----\nprepared\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** What a refused run may say: each a reason, none an accident. */
    private static final Set<Problem.Code> REASONS = EnumSet.of(Problem.Code.PREPARED_ENTRY_UNSAFE,
            Problem.Code.PREPARED_BLOB_CHANGED, Problem.Code.PREPARED_OUTSIDE_ROOTS, Problem.Code.PREPARED_PATH_DOTS,
            Problem.Code.PREPARED_MALFORMED, Problem.Code.MISSING);

    @TempDir
    Path base;
    private Path shared;
    private Process attacker;

    @AfterEach
    void stop() throws Exception {
        if (attacker != null) {
            // the loop first, so that it starts no new child, then the children it had, each until it is gone
            List<ProcessHandle> children = attacker.descendants().toList();
            attacker.destroyForcibly().waitFor();
            for (ProcessHandle child : children) {
                child.destroyForcibly();
                child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        if (shared != null) {
            // a child that was starting as the loop died can still write once: the walk is done again after it
            for (int attempt = 1; ; attempt++) {
                try (Stream<Path> walk = Files.walk(shared)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                    break;
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    @Test
    void aSwapLoopByTheUserNeverGetsRootToReadOrWriteElsewhere() throws Exception {
        RootOnly.require("root's helper against an unprivileged attacker");
        ExternalTools.require("setpriv", "util-linux");
        Path certs = Files.createDirectories(base.resolve("certs.d"));
        Path host = Files.createDirectories(certs.resolve("reg.example.com"));
        Path sentinel = Files.createDirectories(base.resolve("sentinel"));
        Files.writeString(sentinel.resolve("secret.key"), "root's own secret\n");
        Files.setPosixFilePermissions(sentinel.resolve("secret.key"), FileModes.KEY);
        Files.writeString(sentinel.resolve("config"), "untouched\n");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path roots = Files.writeString(base.resolve("roots"), certs + "\n");
        Map<String, String> sentinelBefore = fingerprint(sentinel);

        Path prepared = preparedByTheUser(host, sentinel);
        startSwapLoop(prepared, sentinel);

        int applied = 0;
        Map<Problem.Code, Integer> refused = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            assertTrue(attacker.isAlive(), "the attacker keeps swapping");
            PreparedApply.Result r = PreparedApply.run(new PreparedApply.Request(prepared, AsNobody.UID, roots));
            if (r.applied()) {
                applied++;
                Path key = host.resolve("client.key");
                assertEquals(new String(KEY, StandardCharsets.US_ASCII), Files.readString(key), "exactly as prepared");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
                assertEquals(0, ((Number) Files.getAttribute(key, "unix:uid")).intValue());
                Files.delete(key); // the same change again
            } else {
                Problem p = r.problems().get(0);
                assertTrue(REASONS.contains(p.code()), p.toString());
                String said = p.message(Locale.ENGLISH);
                assertFalse(said.contains("Exception") || said.contains("\tat "), said);
                refused.merge(p.code(), 1, Integer::sum);
                try (Stream<Path> left = Files.list(host)) {
                    assertEquals(List.of(), left.toList(), "a refused run changes nothing");
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(sentinelBefore, fingerprint(sentinel), "nothing changed outside the certs root");
        assertFalse(Files.exists(sentinel.resolve("pwned.key")));
        assertEquals(RUNS, applied + refused.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(refused.size() >= 2, "the swaps were met: " + refused);
        System.out.printf("PreparedRaceTest: %d runs in %d ms, %d applied, refused %s%n", RUNS, millis, applied,
                refused);

        commandLineUnderAttack(roots, prepared, host);
        assertEquals(sentinelBefore, fingerprint(sentinel), "nothing changed outside the certs root");
    }

    /** The user's prepared change, in a directory of theirs that only they may write, with the swaps' material. */
    private Path preparedByTheUser(Path host, Path sentinel) throws IOException {
        shared = Files.createTempDirectory("certsd-race");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        FileChanges files = new FileChanges(Journal.open(base.resolve("journal")), shared);
        Path prepared = ((Outcome.NeedsPrivilege) files.prepare(ChangeSet.of(
                Message.of(Bundles.FILES, "step.create", host.resolve("client.key")),
                FileOp.WriteFile.create(host.resolve("client.key"), KEY, FileModes.KEY)))).prepared().directory();
        Path blob = blob(prepared);
        String good = Files.readString(prepared.resolve("change.json"));
        Files.writeString(prepared.resolve("good.json"), good);
        Files.writeString(prepared.resolve("evil.json"), good.replace(host.resolve("client.key").toString(),
                sentinel.resolve("pwned.key").toString()));
        Files.writeString(prepared.resolve("dots.json"), good.replace(host.resolve("client.key").toString(),
                host + "/../../sentinel/pwned.key"));
        Files.copy(blob, prepared.resolve("good.blob"));
        chownTree(prepared, AsNobody.UID);
        return prepared;
    }

    private static Path blob(Path prepared) {
        return prepared.resolve("blobs").resolve(Sha256.hex(KEY));
    }

    /** As nobody: the blob swapped with a link to root's secret, change.json with ones naming other places. */
    private void startSwapLoop(Path prepared, Path sentinel) throws IOException {
        Path blob = blob(prepared);
        String loop = "cd '" + prepared + "'; while :; do "
                + "ln -sfn '" + sentinel.resolve("secret.key") + "' l && mv -fT l '" + blob + "'; "
                + "cp good.blob b && mv -fT b '" + blob + "'; "
                + "cp evil.json m && mv -fT m change.json; "
                + "cp good.json m && mv -fT m change.json; "
                + "cp dots.json m && mv -fT m change.json; "
                + "cp good.json m && mv -fT m change.json; done";
        attacker = new ProcessBuilder("setpriv", "--reuid=" + AsNobody.UID, "--regid=" + AsNobody.UID,
                "--clear-groups", "sh", "-c", loop).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The command line, as pkexec runs it, under the same attack: exit code 1 and a reason, or 0. */
    private void commandLineUnderAttack(Path roots, Path prepared, Path host) throws Exception {
        List<String> cli = List.of("env", "PKEXEC_UID=" + AsNobody.UID,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HelperCommand.ADD_OPENS,
                "-cp", System.getProperty("java.class.path"), HelperCommand.MAIN_CLASS, "apply-prepared",
                "--roots-file", roots.toString(), prepared.toString());
        for (int i = 0; i < 3; i++) {
            ExternalTools.Result r = ExternalTools.run(cli, base);
            if (r.exitCode() == 0) {
                Files.delete(host.resolve("client.key"));
            } else {
                assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
                assertTrue(r.stderr().startsWith("Not applied: "), r.stderr());
                assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.stderr());
            }
        }
    }

    /** Each entry's kind, content hash, mode and owner. */
    private static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String owner = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                        + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                String mode = Integer.toOctalString(((Number) Files.getAttribute(p, "unix:mode",
                        LinkOption.NOFOLLOW_LINKS)).intValue());
                String content = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? Sha256.hex(Files.readAllBytes(p)) : Files.isSymbolicLink(p) ? "link" : "dir";
                out.put(root.relativize(p).toString(), content + " " + mode + " " + owner);
            }
        }
        return out;
    }

    private static void chownTree(Path p, int uid) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(p)) {
            walk.forEach(all::add);
        }
        for (Path f : all) {
            Files.setAttribute(f, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(f, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
