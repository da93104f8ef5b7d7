package dev.certsd.files;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A prepared change's manifest as the privileged helper reads it: every step checked before anything is decoded or
 * done. Paths must be absolute and plainly spelled (no {@code .} or {@code ..}) inside a root the helper knows
 * ({@link PrivilegedRoots}); modes come from a fixed set (0600 keys, 0644 certificates, 0755 directories); owners
 * are not read at all. The description must be one of ours.
 */
final class PreparedManifest {
    private static final int MAX_STEPS = 10_000;
    private static final Set<String> FILE_MODES = Set.of("0600", "0644");
    private static final String DIRECTORY_MODE = "0755";

    private final Message description;
    private final List<Map<?, ?>> steps;

    private PreparedManifest(Message description, List<Map<?, ?>> steps) {
        this.description = description;
        this.steps = steps;
    }

    Message description() {
        return description;
    }

    /** Parses the manifest and checks each step's paths and modes against {@code roots}. */
    static PreparedManifest check(byte[] json, Path manifest, PrivilegedRoots roots) throws ChangeException {
        Map<?, ?> m;
        try {
            m = JSON.std.mapFrom(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw malformed(manifest, "not JSON");
        }
        if (m == null || !(m.get("ops") instanceof List<?> ops) || ops.isEmpty() || ops.size() > MAX_STEPS) {
            throw malformed(manifest, "no steps");
        }
        Message description = description(m.get("description"), manifest);
        List<Map<?, ?>> steps = new ArrayList<>();
        for (Object o : ops) {
            if (!(o instanceof Map<?, ?> step)) {
                throw malformed(manifest, "a step is not an object");
            }
            checkStep(step, manifest, roots);
            steps.add(step);
        }
        return new PreparedManifest(description, steps);
    }

    /** The SHA-256 of each content the steps write. */
    Set<String> blobs() {
        Set<String> out = new LinkedHashSet<>();
        for (Map<?, ?> s : steps) {
            if ("write".equals(s.get("op"))) {
                out.add((String) s.get("blob"));
            }
        }
        return out;
    }

    /** The steps, their contents taken from the helper's own checked copy. */
    List<FileOp> decode(Blobs blobs, Path manifest) throws ChangeException {
        List<FileOp> out = new ArrayList<>();
        for (Map<?, ?> s : steps) {
            try {
                out.add(OpCodec.decode(s, blobs));
            } catch (ChangeException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw malformed(manifest, "a step cannot be read");
            }
        }
        return out;
    }

    private static void checkStep(Map<?, ?> s, Path manifest, PrivilegedRoots roots) throws ChangeException {
        Object op = s.get("op");
        if (!(op instanceof String name)) {
            throw malformed(manifest, "a step has no kind");
        }
        switch (name) {
            case "write" -> {
                Path p = target(s, "path", manifest, roots, false);
                if (!(s.get("blob") instanceof String sha) || !sha.matches("[0-9a-f]{64}")) {
                    throw malformed(manifest, "a write names no SHA-256");
                }
                fileMode(s, p, manifest);
                expected(s, manifest);
            }
            case "rename" -> {
                target(s, "from", manifest, roots, false);
                target(s, "to", manifest, roots, false);
                expected(s, manifest);
            }
            case "delete" -> {
                target(s, "path", manifest, roots, false);
                expected(s, manifest);
            }
            case "mkdir" -> {
                Path p = target(s, "path", manifest, roots, true);
                mode(s, p, manifest, Set.of(DIRECTORY_MODE));
            }
            case "chmod" -> {
                Path p = target(s, "path", manifest, roots, false);
                String kind = expected(s, manifest);
                if (kind.equals("directory")) {
                    mode(s, p, manifest, Set.of(DIRECTORY_MODE));
                } else {
                    fileMode(s, p, manifest);
                }
            }
            default -> throw malformed(manifest, "unknown step \"" + name + "\"");
        }
    }

    /** A target path: plainly spelled, inside a known root (a new directory may be the root itself). */
    private static Path target(Map<?, ?> s, String key, Path manifest, PrivilegedRoots roots, boolean mayBeRoot)
            throws ChangeException {
        if (!(s.get(key) instanceof String raw) || raw.indexOf('\0') >= 0) {
            throw malformed(manifest, "a step names no path");
        }
        Path p;
        try {
            p = Path.of(raw);
        } catch (RuntimeException e) {
            throw malformed(manifest, "a step names no path");
        }
        if (!PrivilegedRoots.plainAbsolute(raw)) {
            throw new ChangeException(Problem.of(Problem.Code.PREPARED_PATH_DOTS, p));
        }
        Path root = roots.rootOf(p);
        if (root == null || (root.equals(p) && !mayBeRoot)) {
            throw new ChangeException(Problem.of(Problem.Code.PREPARED_OUTSIDE_ROOTS, p, roots.config()));
        }
        return p;
    }

    /**
     * 0600 or 0644 for a file. (Not "0600 for every .key": undoing a key's tightening gives it back its 0644, and the
     * user asked for that; what root never sets is a mode beyond these, such as setuid or world-writable.)
     */
    private static void fileMode(Map<?, ?> s, Path p, Path manifest) throws ChangeException {
        mode(s, p, manifest, FILE_MODES);
    }

    private static void mode(Map<?, ?> s, Path p, Path manifest, Set<String> allowed) throws ChangeException {
        Object raw = s.get("mode");
        String octal = null;
        if (raw instanceof String str && str.matches("[r-][w-][x-][r-][w-][x-][r-][w-][x-]")) {
            Set<PosixFilePermission> mode = OpCodec.mode(str);
            octal = FileModes.octal(mode);
        }
        if (octal == null || !allowed.contains(octal)) {
            throw new ChangeException(Problem.of(Problem.Code.PREPARED_MODE, p, raw == null ? "-" : raw,
                    String.join(", ", new java.util.TreeSet<>(allowed))));
        }
    }

    /** The step's expected state must be one the engine knows; returns its kind. */
    private static String expected(Map<?, ?> s, Path manifest) throws ChangeException {
        if (!(s.get("before") instanceof Map<?, ?> b) || !(b.get("kind") instanceof String kind)
                || !Set.of("absent", "file", "directory").contains(kind)) {
            throw malformed(manifest, "a step expects nothing");
        }
        Object sha = b.get("sha256");
        if (kind.equals("file") != (sha instanceof String str && str.matches("[0-9a-f]{64}"))) {
            throw malformed(manifest, "a step expects nothing");
        }
        Object mode = b.get("mode");
        if (mode != null && !(mode instanceof String str && str.matches("[r-][w-][x-][r-][w-][x-][r-][w-][x-]"))) {
            throw malformed(manifest, "a step expects nothing");
        }
        return kind;
    }

    /** Only our own bundles and plain keys: the manifest must not choose what the helper loads. */
    private static Message description(Object o, Path manifest) throws ChangeException {
        if (o instanceof Map<?, ?> d && d.get("bundle") instanceof String bundle && bundle.matches("dev\\.certsd\\.[a-z.]+")
                && d.get("key") instanceof String key && key.matches("[A-Za-z0-9._-]{1,100}")
                && d.get("args") instanceof List<?> args && args.size() <= 20) {
            return new Message(bundle, key, args.stream().map(String::valueOf).toList());
        }
        throw malformed(manifest, "no description");
    }

    private static ChangeException malformed(Path manifest, String what) {
        return new ChangeException(Problem.of(Problem.Code.PREPARED_MALFORMED, manifest, what));
    }
}
