package dev.certsd.files;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

/**
 * What a path must hold for a change to go ahead: the state the user was shown. A change to a file that was
 * modified on disk since is refused rather than applied blindly.
 *
 * @param sha256 for {@link Kind#FILE}: the content's SHA-256 (lowercase hex); else null
 * @param mode   the permissions it must have, or null when any will do
 */
public record Expected(Kind kind, String sha256, Set<PosixFilePermission> mode) {

    /** What is expected at the path. */
    public enum Kind { ABSENT, FILE, DIRECTORY }

    public Expected {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FILE) != (sha256 != null)) {
            throw new IllegalArgumentException("a file is expected by its SHA-256, and only a file");
        }
        mode = mode == null ? null : Set.copyOf(mode);
    }

    public static Expected absent() {
        return new Expected(Kind.ABSENT, null, null);
    }

    public static Expected file(String sha256, Set<PosixFilePermission> mode) {
        return new Expected(Kind.FILE, sha256, mode);
    }

    /** The file as it was shown: these exact bytes (and this mode, when known). */
    public static Expected file(byte[] shown, Set<PosixFilePermission> mode) {
        return file(Sha256.hex(shown), mode);
    }

    public static Expected directory(Set<PosixFilePermission> mode) {
        return new Expected(Kind.DIRECTORY, null, mode);
    }

    public boolean matches(PathState s) {
        boolean kindOk = switch (kind) {
            case ABSENT -> s.kind() == PathState.Kind.ABSENT;
            case FILE -> s.kind() == PathState.Kind.FILE && sha256.equals(s.sha256());
            case DIRECTORY -> s.kind() == PathState.Kind.DIRECTORY;
        };
        return kindOk && (mode == null || mode.equals(s.mode()));
    }
}
