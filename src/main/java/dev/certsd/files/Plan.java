// over 300 lines: one dry run with its inverse steps and privilege checks, whose parts share the simulated disk
package dev.certsd.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dry run of a list of steps against the disk: checks each step's expectation in order (a later step sees what the
 * earlier ones will have done), works out the step that undoes it, and which paths need privileges. Nothing is
 * written.
 */
final class Plan {
    private final List<FileOp> forward;
    private final boolean deferUnreadable;
    private final List<FileOp> inverse = new ArrayList<>();
    private boolean inverseComplete = true;
    private final List<Problem> problems = new ArrayList<>();
    /** What each path read from disk must hold, keyed by its path on disk now: the script checks these. */
    private final Map<Path, Expected> expectations = new LinkedHashMap<>();
    private final Map<Path, PathState> disk = new HashMap<>();
    private final Set<Path> privileged = new LinkedHashSet<>();
    private final Map<Path, PathState> overlay = new HashMap<>();
    private final Set<Path> checkedDirs = new java.util.HashSet<>();
    /** Directories renamed by an earlier step: new name to the name they have on disk now. */
    private final Map<Path, Path> moved = new LinkedHashMap<>();

    private Plan(List<FileOp> ops, boolean deferUnreadable) {
        this.forward = List.copyOf(ops);
        this.deferUnreadable = deferUnreadable;
    }

    /** A plan for a new change: every file it replaces or removes must be readable, its content goes to the journal. */
    static Plan of(List<FileOp> ops) {
        return run(new Plan(ops, false));
    }

    /**
     * A plan for steps whose undo is already known (undo, redo, settling): a file this user may not read, such as a
     * root-owned key written by the privileged helper, is left for root to check, which sends the steps down the
     * privileged path.
     */
    static Plan deferringUnreadable(List<FileOp> ops) {
        return run(new Plan(ops, true));
    }

    private static Plan run(Plan p) {
        for (FileOp op : p.forward) {
            p.step(op);
        }
        return p;
    }

    List<FileOp> forward() {
        return forward;
    }

    /** For each step, the step that undoes it (same order as the steps). */
    List<FileOp> inverseByStep() {
        if (!inverseComplete) {
            throw new IllegalStateException("the undo of an unreadable file is known only to the journal");
        }
        return List.copyOf(inverse);
    }

    /** The steps that restore the state before, in the order to apply them. */
    List<FileOp> inverse() {
        List<FileOp> out = new ArrayList<>(inverseByStep());
        Collections.reverse(out);
        return out;
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    Map<Path, Expected> expectations() {
        return Collections.unmodifiableMap(expectations);
    }

    /** Directories (or files, for a mode change or a check) the current user may not change or read. */
    Set<Path> privileged() {
        return Collections.unmodifiableSet(privileged);
    }

    private void step(FileOp op) {
        for (Path p : op.paths()) {
            rootSafe(p.getParent());
        }
        if (op instanceof FileOp.WriteFile w) {
            write(w);
        } else if (op instanceof FileOp.Rename r) {
            rename(r);
        } else if (op instanceof FileOp.Delete d) {
            delete(d);
        } else if (op instanceof FileOp.MakeDirectory m) {
            makeDirectory(m);
        } else if (op instanceof FileOp.ChangeMode c) {
            changeMode(c);
        }
    }

    private void write(FileOp.WriteFile w) {
        PathState cur = check(w.path(), w.before());
        parentMustExist(w.path());
        needsWritableParent(w.path());
        PathState after = PathState.file(w.content(), w.mode());
        if (!w.overwrites()) {
            inverse.add(new FileOp.Delete(w.path(), States.expect(after)));
        } else if (cur.kind() == PathState.Kind.FILE && cur.contentKnown()) {
            inverse.add(new FileOp.WriteFile(w.path(), cur.bytes(), cur.mode(), States.expect(after)));
        } else {
            inverseComplete = false;
        }
        overlay.put(w.path(), after);
    }

    private void rename(FileOp.Rename r) {
        PathState cur = check(r.from(), r.source());
        check(r.to(), Expected.absent());
        parentMustExist(r.to());
        needsWritableParent(r.from());
        needsWritableParent(r.to());
        if (cur.kind() == PathState.Kind.FILE || cur.kind() == PathState.Kind.DIRECTORY) {
            inverse.add(new FileOp.Rename(r.to(), r.from(), expectAfter(cur, r.source(), cur.mode())));
        }
        if (cur.kind() == PathState.Kind.DIRECTORY) {
            moved.put(r.to(), onDisk(r.from()));
        }
        overlay.put(r.from(), PathState.absent());
        overlay.put(r.to(), cur);
    }

    private void delete(FileOp.Delete d) {
        PathState cur = check(d.path(), d.before());
        needsWritableParent(d.path());
        if (cur.kind() == PathState.Kind.DIRECTORY && !isEmpty(d.path())) {
            problems.add(Problem.of(Problem.Code.DIRECTORY_NOT_EMPTY, d.path()));
        }
        if (cur.kind() == PathState.Kind.FILE && cur.contentKnown()) {
            inverse.add(new FileOp.WriteFile(d.path(), cur.bytes(), cur.mode(), Expected.absent()));
        } else if (cur.kind() == PathState.Kind.DIRECTORY) {
            inverse.add(new FileOp.MakeDirectory(d.path(), cur.mode()));
        } else {
            inverseComplete = false;
        }
        overlay.put(d.path(), PathState.absent());
    }

    private void makeDirectory(FileOp.MakeDirectory m) {
        check(m.path(), Expected.absent());
        parentMustExist(m.path());
        needsWritableParent(m.path());
        PathState after = PathState.directory(m.mode());
        inverse.add(new FileOp.Delete(m.path(), States.expect(after)));
        overlay.put(m.path(), after);
    }

    private void changeMode(FileOp.ChangeMode c) {
        PathState cur = check(c.path(), c.before());
        Path onDisk = onDisk(c.path());
        if (onDisk != null && Files.exists(onDisk) && !CurrentUser.owns(onDisk)) {
            privileged.add(onDisk);
        }
        if (cur.kind() == PathState.Kind.FILE || cur.kind() == PathState.Kind.DIRECTORY) {
            inverse.add(new FileOp.ChangeMode(c.path(), cur.mode(), expectAfter(cur, c.before(), c.mode())));
            overlay.put(c.path(), cur.withMode(c.mode()));
        }
    }

    /**
     * Run as root, a change below a directory another user could steer is refused (see {@link OpenedDir}); the
     * preview says so, and the step itself checks again on the opened directory.
     */
    private void rootSafe(Path dir) {
        if (dir == null || !CurrentUser.isRoot() || !checkedDirs.add(dir)) {
            return;
        }
        Problem p = OpenedDir.rootRefusal(dir);
        if (p != null && !problems.contains(p)) {
            problems.add(p);
        }
    }

    /** What a path holds after a rename or mode change; for an unreadable file, the content it was expected to have. */
    private static Expected expectAfter(PathState cur, Expected before, Set<PosixFilePermission> mode) {
        if (cur.kind() == PathState.Kind.FILE && !cur.contentKnown()) {
            return Expected.file(before.sha256(), mode);
        }
        return States.expect(cur.withMode(mode));
    }

    private PathState check(Path path, Expected expected) {
        PathState cur = state(path, expected);
        if (deferUnreadable && expected.kind() == Expected.Kind.FILE && cur.kind() == PathState.Kind.FILE
                && !cur.contentKnown()) {
            // Only root can read it: the helper (or the script) checks the content before it changes anything.
            privileged.add(onDisk(path));
            if (expected.mode() != null && !expected.mode().equals(cur.mode())) {
                problems.add(States.modeChanged(path, expected, cur));
            }
            return cur;
        }
        Problem p = States.mismatch(path, expected, cur);
        if (p != null) {
            problems.add(p);
        }
        return cur;
    }

    private void parentMustExist(Path path) {
        Path parent = path.getParent();
        if (parent == null) {
            problems.add(Problem.of(Problem.Code.NO_PARENT, path));
            return;
        }
        PathState.Kind kind = state(parent, Expected.directory(null)).kind();
        // A host directory that is a link to a directory: the change lands at its target (the preview says so).
        boolean linkedDirectory = kind == PathState.Kind.SYMLINK && onDisk(parent) != null
                && Files.isDirectory(onDisk(parent));
        if (kind != PathState.Kind.DIRECTORY && !linkedDirectory) {
            problems.add(Problem.of(Problem.Code.NO_PARENT, path));
        }
    }

    /** Whether the nearest directory that exists on disk (or will, made by us) lets this user add and remove names. */
    private void needsWritableParent(Path path) {
        Path dir = path.getParent();
        while (dir != null && overlay.containsKey(dir) && overlay.get(dir).kind() == PathState.Kind.DIRECTORY
                && onDisk(dir) != null && !Files.exists(onDisk(dir))) {
            dir = dir.getParent(); // made by an earlier step: as writable as the directory it is made in
        }
        Path d = dir == null ? null : onDisk(dir);
        if (d != null && Files.isDirectory(d) && !(Files.isWritable(d) && Files.isExecutable(d))) {
            privileged.add(d);
        }
    }

    /** The state a step sees; the first time a path is read from disk, what the step expects there is recorded. */
    private PathState state(Path path, Expected expected) {
        PathState s = overlay.get(path);
        if (s != null) {
            return s;
        }
        Path d = onDisk(path);
        if (d == null) {
            return PathState.absent();
        }
        expectations.putIfAbsent(d, expected);
        return disk.computeIfAbsent(d, PathState::read);
    }

    /** Where a path is on disk now, given the directories renamed by earlier steps; null when moved away. */
    private Path onDisk(Path path) {
        for (Map.Entry<Path, Path> m : moved.entrySet()) {
            if (path.startsWith(m.getKey()) && !path.equals(m.getKey())) {
                return m.getValue().resolve(m.getKey().relativize(path));
            }
        }
        for (Map.Entry<Path, PathState> o : overlay.entrySet()) {
            if (o.getValue().kind() == PathState.Kind.ABSENT && path.startsWith(o.getKey()) && !path.equals(o.getKey())) {
                return null;
            }
        }
        return path;
    }

    private boolean isEmpty(Path dir) {
        for (Map.Entry<Path, PathState> o : overlay.entrySet()) {
            if (dir.equals(o.getKey().getParent()) && o.getValue().kind() != PathState.Kind.ABSENT) {
                return false;
            }
        }
        Path d = onDisk(dir);
        if (d == null || !Files.isDirectory(d)) {
            return true;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path child : s) {
                PathState o = overlay.get(dir.resolve(child.getFileName()));
                if (o == null || o.kind() != PathState.Kind.ABSENT) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
