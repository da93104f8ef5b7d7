package dev.certsd.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The hostile local user of {@link HostileUserTest}, run as nobody through setpriv: in its own certs root it keeps
 * swapping what root is about to change for symbolic links into a root-owned sentinel tree, as fast as it can, until
 * it is killed. Every name it makes comes from a fixed set (renames replace, never accumulate), so a long run does not
 * fill the file system.
 *
 * <p>Arguments: the mode (host, files, staging or all), the host directory (as root sees it), the sentinel directory,
 * then the names of the files to swap. Three threads, one per mode: the host directory itself for a link to the sentinel directory; each named file for a link to the
 * sentinel's file of that name; and every staging entry root makes in the host directory (a name starting with a dot
 * and holding "certsd") for a link to the sentinel directory.
 */
public final class Attacker {
    /** How long each state (the link, the real thing) stays: about as long as each, so root meets both. */
    private static final long HOLD_NANOS = 300_000;

    private Attacker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path host = Path.of(args[1]);
        Path sentinel = Path.of(args[2]);
        List<String> names = List.of(args).subList(3, args.length);
        Path parent = host.getParent();
        Path hostAside = parent.resolve(".attacker-real");
        Path hostLink = parent.resolve(".attacker-link");
        Files.deleteIfExists(hostLink);
        Files.createSymbolicLink(hostLink, sentinel);

        List<Thread> threads = new ArrayList<>();
        if (mode.equals("host") || mode.equals("all")) {
            threads.add(loop(() -> swap(host, hostAside, hostLink)));
        }
        if (mode.equals("files") || mode.equals("all")) {
            threads.add(loop(() -> swapFiles(host, hostAside, sentinel, names)));
        }
        Set<String> stolen = new HashSet<>();
        if (mode.equals("staging") || mode.equals("all")) {
            threads.add(loop(() -> stealStaging(List.of(host, hostAside), sentinel, stolen)));
        }
        System.out.println("attacking " + host);
        System.out.flush();
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Each named file in turn: a link to the sentinel's file of that name in its place, then the file back. */
    private static void swapFiles(Path host, Path hostAside, Path sentinel, List<String> names) {
        for (String name : names) {
            Path dir = Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS) ? host : hostAside;
            Path link = dir.resolve(".attacker-" + name);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createSymbolicLink(link, sentinel.resolve(name));
                } catch (IOException e) {
                    continue;
                }
            }
            swap(dir.resolve(name), dir.resolve(".attacker-aside-" + name), link);
        }
    }

    /** Root's staging files (dot files named certsd) moved away once each and a link to the sentinel put there. */
    private static void stealStaging(List<Path> dirs, Path sentinel, Set<String> stolen) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path e : entries) {
                    String n = e.getFileName().toString();
                    if (n.startsWith(".") && n.contains("certsd") && !n.endsWith(".stolen") && stolen.add(n)) {
                        try {
                            Files.move(e, dir.resolve(n + ".stolen"), StandardCopyOption.ATOMIC_MOVE);
                            Files.createSymbolicLink(e, sentinel);
                        } catch (IOException ignored) {
                            // root got there first, or the entry is not ours to move
                        }
                    }
                }
            } catch (IOException ignored) {
                // the directory is being swapped right now
            }
        }
    }

    /** Puts the link in the real thing's place and the real thing back again; whatever fails is tried next time. */
    private static void swap(Path real, Path aside, Path link) {
        try {
            Files.move(real, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return;
        }
        try {
            Files.move(link, real, StandardCopyOption.ATOMIC_MOVE);
            LockSupport.parkNanos(HOLD_NANOS);
            Files.move(real, link, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // root moved or removed it in between
        } finally {
            try {
                Files.move(aside, real, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException ignored) {
                // the next round tries again
            }
            LockSupport.parkNanos(HOLD_NANOS);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static Thread loop(Step step) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    step.run();
                } catch (IOException | RuntimeException ignored) {
                    // keep racing
                }
            }
        });
        t.setDaemon(false);
        t.start();
        return t;
    }
}
