package dev.certsd.files;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.KnownRoots;
import dev.certsd.roots.OsFamily;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The certs roots the privileged helper changes files in, and nothing else: the clients' default roots (the system's
 * and those in the home of the user who asked), plus the custom roots an administrator listed in a root-owned file
 * ({@code /etc/certsd-studio/roots}, one absolute path a line, {@code #} comments). A prepared change names its paths,
 * but never where it may write: that is decided here, from the system's own records.
 */
final class PrivilegedRoots {
    /** Where an administrator lists custom roots for the helper. */
    static final Path CONFIG = Path.of("/etc/certsd-studio/roots");
    private static final int MAX_CONFIG = 64 * 1024;
    private static final int MAX_PATH = 4096;
    private static final int GROUP_OR_OTHER_WRITE = 0022;

    private final SystemUser user;
    private final Path config;
    /** Longest first, so a path is matched to its innermost root. */
    private final List<Path> roots;

    private PrivilegedRoots(SystemUser user, Path config, List<Path> roots) {
        this.user = user;
        this.config = config;
        this.roots = roots.stream().distinct().sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
    }

    /** The roots for {@code user}: the known ones and those listed in {@code config} (absent: none). */
    static PrivilegedRoots load(SystemUser user, Path config) throws ChangeException {
        List<Path> roots = new ArrayList<>();
        for (CertsRoot r : new KnownRoots(OsFamily.LINUX, user.home(), Map.of(), p -> true).candidates()) {
            roots.add(r.path().normalize());
        }
        roots.addAll(custom(config));
        return new PrivilegedRoots(user, config, roots);
    }

    List<Path> roots() {
        return roots;
    }

    Path config() {
        return config;
    }

    /** The innermost root holding {@code path} (or being it), or null. */
    Path rootOf(Path path) {
        for (Path r : roots) {
            if (path.startsWith(r)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Who owns what the helper creates at {@code path}: the user, in a root under their home; elsewhere null, which
     * leaves it to the directory's owner (a root-owned certs.d stays root-owned), as {@link Applier} does for root.
     */
    Owner ownerFor(Path path) {
        Path r = rootOf(path);
        return r != null && r.startsWith(user.home()) && !user.home().equals(Path.of("/")) ? user.owner() : null;
    }

    /**
     * Whether {@code s} is an absolute path spelled plainly: no {@code .} or {@code ..} component, no empty one, no NUL.
     * Checked on the text, before anything normalises it away.
     */
    static boolean plainAbsolute(String s) {
        if (s.isEmpty() || s.length() > MAX_PATH || s.charAt(0) != '/' || s.indexOf('\0') >= 0) {
            return false;
        }
        if (s.equals("/")) {
            return true;
        }
        String[] parts = s.substring(1).split("/", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".") || p.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The custom roots file: root's own (or this user's, when not root), closed to others, read without a link. */
    private static List<Path> custom(Path config) throws ChangeException {
        Path abs = config.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        byte[] bytes;
        try (OpenedDir d = OpenedDir.open(abs.getParent())) {
            PosixFileAttributes a = d.attributes(name);
            if (a == null) {
                return List.of();
            }
            long uid = ((Number) Files.getAttribute(d.fdPath() != null ? d.fdPath().resolve(name) : abs, "unix:uid",
                    LinkOption.NOFOLLOW_LINKS)).longValue();
            if (!a.isRegularFile() || (uid != 0 && uid != CurrentUser.uid())
                    || (modeBits(a.permissions()) & GROUP_OR_OTHER_WRITE) != 0 || a.size() > MAX_CONFIG) {
                throw new ChangeException(Problem.of(Problem.Code.PREPARED_ROOTS_FILE, abs));
            }
            try (InputStream in = Channels.newInputStream(d.stream().newByteChannel(Path.of(name),
                    Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
                bytes = in.readNBytes(MAX_CONFIG + 1);
            }
            PosixFileAttributes after = d.attributes(name);
            if (after == null || !after.fileKey().equals(a.fileKey()) || bytes.length > MAX_CONFIG) {
                throw new ChangeException(Problem.of(Problem.Code.PREPARED_ROOTS_FILE, abs));
            }
        } catch (ChangeException e) {
            if (e.problem().code() == Problem.Code.MISSING) {
                return List.of(); // no /etc/certsd-studio: no custom roots
            }
            throw e;
        } catch (IOException e) {
            throw new ChangeException(Applier.problemOf(abs, e), e);
        }
        List<Path> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.length() > 1 && l.endsWith("/")) {
                l = l.substring(0, l.length() - 1);
            }
            if (!plainAbsolute(l) || l.equals("/")) {
                throw new ChangeException(Problem.of(Problem.Code.PREPARED_ROOTS_FILE, abs));
            }
            out.add(Path.of(l));
        }
        return out;
    }

    static int modeBits(Set<PosixFilePermission> mode) {
        return Integer.parseInt(FileModes.octal(mode), 8);
    }
}
