package dev.certsd.files;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The privileged helper's whole job, small enough to audit: read a prepared change, check each prepared content
 * against its hash and each path against what the user was shown, then apply the steps with the same atomic writer
 * as the app, giving new files the owner recorded at preparation. It reads nothing else and writes nowhere else.
 */
public final class PreparedApply {
    private PreparedApply() {
    }

    /** What the helper did: the steps applied, or the problems that stopped it (then nothing was changed). */
    public record Result(Text description, List<FileOp> steps, List<Problem> problems, List<Problem> rollbackProblems) {
        public Result {
            steps = List.copyOf(steps);
            problems = List.copyOf(problems);
            rollbackProblems = List.copyOf(rollbackProblems);
        }

        public boolean applied() {
            return problems.isEmpty();
        }
    }

    /** Reads the prepared change in {@code dir} (see {@link PreparedChange}) and applies it. */
    public static Result run(Path dir) throws IOException {
        Path manifest = dir.resolve(Preparer.MANIFEST);
        ensurePrivate(dir);
        ensurePrivate(manifest);
        Map<String, Object> m = JSON.std.mapFrom(Files.readString(manifest));
        Text description = OpCodec.text((Map<?, ?>) m.get("description"));
        List<FileOp> ops;
        try {
            ops = OpCodec.decodeAll(m.get("ops"), new Blobs(dir.resolve("blobs")));
        } catch (ChangeException e) {
            return new Result(description, List.of(), List.of(e.problem()), List.of());
        }
        Map<Path, Owner> owners = new HashMap<>();
        Object ownerMap = m.get("owners");
        if (ownerMap instanceof Map<?, ?> om) {
            for (Map.Entry<?, ?> e : om.entrySet()) {
                Map<?, ?> o = (Map<?, ?>) e.getValue();
                owners.put(Path.of((String) e.getKey()), new Owner((String) o.get("user"), (String) o.get("group")));
            }
        }
        Plan plan = Plan.of(ops);
        if (!plan.ok()) {
            return new Result(description, ops, plan.problems(), List.of());
        }
        StepRunner.Failure f = StepRunner.run(plan, new Applier(owners::get));
        if (f != null) {
            return new Result(description, ops, List.of(f.problem()), f.rollbackProblems());
        }
        return new Result(description, ops, List.of(), List.of());
    }

    /**
     * The helper runs as root on a directory the user names: it must be the user's own and closed to everyone else,
     * or someone could swap a prepared file between the user's review and the helper's run.
     */
    private static void ensurePrivate(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink() || !FileModes.isPrivate(a.permissions())) {
            throw new ChangeException(Problem.of(Problem.Code.PREPARED_FILE_CHANGED, p));
        }
    }
}
