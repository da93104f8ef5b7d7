package dev.certsd.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * earlier ones will have done), works out the step that undoes it, and which directories need privileges. Nothing is
 * written.
 */
final class Plan {
    private final List<FileOp> forward;
    private final List<FileOp> inverse = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    /** The disk state of every path the steps read first, keyed by its path on disk now. */
    private final Map<Path, PathState> initial = new LinkedHashMap<>();
    private final Set<Path> privileged = new LinkedHashSet<>();
    private final Map<Path, PathState> overlay = new HashMap<>();
    /** Directories renamed by an earlier step: new name to the name they have on disk now. */
    private final Map<Path, Path> moved = new LinkedHashMap<>();

    private Plan(List<FileOp> ops) {
        this.forward = List.copyOf(ops);
    }

    static Plan of(List<FileOp> ops) {
        Plan p = new Plan(ops);
        for (FileOp op : ops) {
            p.step(op);
        }
        return p;
    }

    List<FileOp> forward() {
        return forward;
    }

    /** For each step, the step that undoes it (same order as the steps). */
    List<FileOp> inverseByStep() {
        return List.copyOf(inverse);
    }

    /** The steps that restore the state before, in the order to apply them. */
    List<FileOp> inverse() {
        List<FileOp> out = new ArrayList<>(inverse);
        Collections.reverse(out);
        return out;
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    Map<Path, PathState> initial() {
        return Collections.unmodifiableMap(initial);
    }

    /** Directories (or files, for a mode change) the current user may not change. */
    Set<Path> privileged() {
        return Collections.unmodifiableSet(privileged);
    }

    private void step(FileOp op) {
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
        inverse.add(w.overwrites() && cur.kind() == PathState.Kind.FILE
                ? new FileOp.WriteFile(w.path(), cur.bytes(), cur.mode(), States.expect(after))
                : new FileOp.Delete(w.path(), States.expect(after)));
        overlay.put(w.path(), after);
    }

    private void rename(FileOp.Rename r) {
        PathState cur = check(r.from(), r.source());
        check(r.to(), Expected.absent());
        parentMustExist(r.to());
        needsWritableParent(r.from());
        needsWritableParent(r.to());
        if (cur.kind() == PathState.Kind.FILE || cur.kind() == PathState.Kind.DIRECTORY) {
            inverse.add(new FileOp.Rename(r.to(), r.from(), States.expect(cur)));
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
        if (cur.kind() == PathState.Kind.FILE) {
            inverse.add(new FileOp.WriteFile(d.path(), cur.bytes(), cur.mode(), Expected.absent()));
        } else if (cur.kind() == PathState.Kind.DIRECTORY) {
            inverse.add(new FileOp.MakeDirectory(d.path(), cur.mode()));
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
        Path disk = onDisk(c.path());
        if (disk != null && Files.exists(disk) && !CurrentUser.owns(disk)) {
            privileged.add(disk);
        }
        if (cur.kind() == PathState.Kind.FILE || cur.kind() == PathState.Kind.DIRECTORY) {
            PathState after = cur.withMode(c.mode());
            inverse.add(new FileOp.ChangeMode(c.path(), cur.mode(), States.expect(after)));
            overlay.put(c.path(), after);
        }
    }

    private PathState check(Path path, Expected expected) {
        PathState cur = state(path);
        Problem p = States.mismatch(path, expected, cur);
        if (p != null) {
            problems.add(p);
        }
        return cur;
    }

    private void parentMustExist(Path path) {
        Path parent = path.getParent();
        if (parent == null || state(parent).kind() != PathState.Kind.DIRECTORY) {
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
        Path disk = dir == null ? null : onDisk(dir);
        if (disk != null && Files.isDirectory(disk) && !(Files.isWritable(disk) && Files.isExecutable(disk))) {
            privileged.add(disk);
        }
    }

    private PathState state(Path path) {
        PathState s = overlay.get(path);
        if (s != null) {
            return s;
        }
        Path disk = onDisk(path);
        if (disk == null) {
            return PathState.absent();
        }
        return initial.computeIfAbsent(disk, PathState::read);
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
        Path disk = onDisk(dir);
        if (disk == null || !Files.isDirectory(disk)) {
            return true;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(disk)) {
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
