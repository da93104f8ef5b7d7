package dev.certsd.files;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link PrivilegedRunner} through {@code pkexec}: the package's polkit action and root-owned wrapper where they are
 * installed ({@code pkexec /usr/lib/certsd-studio/certsd-apply-prepared DIR}), else this JVM's helper command with the
 * options the root-safe layer needs ({@link HelperCommand}). A helper that outlives the time limit (the prompt left
 * open, a stuck file system) is killed with everything it started; where the kernel does not let the user signal a
 * process that became root, the app stops waiting and says so.
 */
public final class PkexecRunner implements PrivilegedRunner {
    /** The prompt waits for the user: time to read it and fetch the password. */
    public static final Duration LIMIT = Duration.ofMinutes(10);
    private static final int KEEP = 2000;

    private final Optional<Path> pkexec;
    private final Function<Path, List<String>> helper;
    private final Duration limit;

    /**
     * @param pkexec the pkexec program, or empty where none is installed
     * @param helper the helper's command line for a prepared directory, as pkexec is to run it
     */
    public PkexecRunner(Optional<Path> pkexec, Function<Path, List<String>> helper, Duration limit) {
        this.pkexec = pkexec;
        this.helper = helper;
        this.limit = limit;
    }

    public static PkexecRunner onThisMachine() {
        return new PkexecRunner(onPath("pkexec", System.getenv("PATH")), HelperCommand::forPreparedDirectory, LIMIT);
    }

    /** {@code program} in one of the directories of a PATH value, if executable there. */
    public static Optional<Path> onPath(String program, String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean available() {
        return pkexec.isPresent();
    }

    /** The command line run for {@code prepared}. */
    public List<String> command(PreparedChange prepared) {
        List<String> argv = new ArrayList<>();
        argv.add(pkexec.map(Path::toString).orElse("pkexec"));
        argv.addAll(helper.apply(prepared.directory()));
        return argv;
    }

    @Override
    public Result run(PreparedChange prepared) throws IOException, InterruptedException {
        Path out = Files.createTempFile("certsd-helper", ".txt"); // 0600: the helper may name private paths
        try {
            Process p = new ProcessBuilder(command(prepared)).redirectErrorStream(true).redirectOutput(out.toFile())
                    .start();
            p.getOutputStream().close();
            boolean ended;
            try {
                ended = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                killTree(p);
                throw e;
            }
            if (!ended) {
                killTree(p);
                return new Result(-1, tail(out), true);
            }
            return new Result(p.exitValue(), tail(out), false);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The helper and everything it started: children first, so none is left running without its parent. */
    private static void killTree(Process p) throws InterruptedException {
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
    }

    private static String tail(Path out) throws IOException {
        String said = new String(Files.readAllBytes(out), StandardCharsets.UTF_8).strip();
        return said.length() > KEEP ? said.substring(said.length() - KEEP) : said;
    }
}
