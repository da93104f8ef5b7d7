package dev.certsd.files;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;

/**
 * The privileged helper's whole job, small enough to audit. It trusts the system's records and its own copy, never
 * the user's files: the prepared directory must belong to the user who asked ({@code PKEXEC_UID}/{@code SUDO_UID})
 * and be closed to other writers; its manifest and contents are copied through an opened handle into a private
 * directory of root's and every content's SHA-256 is checked there; every path must lie inside a certs root the helper
 * knows, spelled plainly, with no symbolic link on the way; modes come from a fixed set; owners are computed here.
 * Only then are the steps applied, with the same root-safe writer as the app. Any doubt: nothing is changed.
 */
public final class PreparedApply {
    private PreparedApply() {
    }

    /** What the helper did: the steps applied, or the problems that stopped it (then nothing was changed). */
    public record Result(Message description, List<FileOp> steps, List<Problem> problems, List<Problem> rollbackProblems) {
        public Result {
            steps = List.copyOf(steps);
            problems = List.copyOf(problems);
            rollbackProblems = List.copyOf(rollbackProblems);
        }

        public boolean applied() {
            return problems.isEmpty();
        }
    }

    /**
     * What the helper is asked, and on whose behalf.
     *
     * @param userUid   the user who asked; the prepared directory must be theirs
     * @param rootsFile the administrator's list of custom roots ({@code /etc/certsd-studio/roots})
     */
    public record Request(Path directory, long userUid, Path rootsFile) {
        /** A request from the environment the helper was started with (pkexec's or sudo's variables). */
        public static Request of(Path directory, Map<String, String> env, Path rootsFile) {
            return new Request(directory, SystemUser.invokingUid(env),
                    rootsFile == null ? PrivilegedRoots.CONFIG : rootsFile);
        }
    }

    /** Reads the prepared change in {@code dir} (see {@link PreparedChange}) and applies it. */
    public static Result run(Path dir) {
        return run(Request.of(dir, System.getenv(), null));
    }

    public static Result run(Request request) {
        Path dir = request.directory().toAbsolutePath().normalize();
        Path manifestPath = dir.resolve(Preparer.MANIFEST);
        Message description = Message.of(Bundles.FILES, "prepared.unread", dir);
        try {
            SystemUser user = SystemUser.byUid(request.userUid()).orElseThrow(() -> new ChangeException(
                    Problem.of(Problem.Code.PREPARED_UNKNOWN_USER, dir, request.userUid())));
            PrivilegedRoots roots = PrivilegedRoots.load(user, request.rootsFile());
            try (PreparedCopy copy = PreparedCopy.start(dir, user)) {
                PreparedManifest manifest = PreparedManifest.check(copy.manifest(), manifestPath, roots);
                description = manifest.description();
                copy.copyBlobs(dir, user, manifest.blobs());
                List<FileOp> ops = manifest.decode(copy.blobs(), manifestPath);
                for (FileOp op : ops) {
                    for (Path p : op.paths()) {
                        noLinkBelowRoot(p, roots);
                    }
                }
                Plan plan = Plan.of(ops);
                if (!plan.ok()) {
                    return new Result(description, ops, plan.problems(), List.of());
                }
                StepRunner.Failure f = StepRunner.run(plan, Applier.forPrivileged(roots::ownerFor));
                if (f != null) {
                    return new Result(description, ops, List.of(f.problem()), f.rollbackProblems());
                }
                return new Result(description, ops, List.of(), List.of());
            }
        } catch (ChangeException e) {
            return new Result(description, List.of(), List.of(e.problem()), List.of());
        }
    }

    /**
     * No symbolic link between the root and the target, the target included: checked relative to the opened root,
     * before any step runs, so a prepared change that goes through a link is refused as a whole. (Each step opens its
     * directory again without following links, so a link made later by another user is refused there too.)
     */
    private static void noLinkBelowRoot(Path target, PrivilegedRoots roots) throws ChangeException {
        Path root = roots.rootOf(target);
        OpenedDir cur;
        try {
            cur = OpenedDir.open(root);
        } catch (ChangeException e) {
            if (e.problem().code() == Problem.Code.MISSING) {
                return; // a root still to be made: its steps open their directories themselves
            }
            throw e;
        }
        try {
            Path rel = root.relativize(target);
            for (int i = 0; i < rel.getNameCount(); i++) {
                String name = rel.getName(i).toString();
                PosixFileAttributes a = cur.attributes(name);
                if (a == null) {
                    return;
                }
                if (a.isSymbolicLink()) {
                    throw new ChangeException(Problem.of(Problem.Code.PREPARED_SYMLINK, target,
                            cur.path().resolve(name)));
                }
                if (!a.isDirectory() || i == rel.getNameCount() - 1) {
                    return;
                }
                OpenedDir next = cur.openChild(name);
                cur.close();
                cur = next;
            }
        } catch (ChangeException e) {
            throw e;
        } catch (IOException e) {
            throw new ChangeException(Applier.problemOf(target, e), e);
        } finally {
            OpenedDir.closeQuietly(cur);
        }
    }
}
