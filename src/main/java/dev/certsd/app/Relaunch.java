package dev.certsd.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Under a plain {@code java -jar certsd-studio.jar COMMAND ...} (the README's way to run the command line), runs the
 * command in a second JVM started with the options the installed app's launcher gives it, which a jar cannot give the
 * JVM that opened it: C1 only ({@code -XX:TieredStopAtLevel=1}), the parallel collector, huge pages for the heap where
 * the kernel gives them on request, and the class archive the build trained
 * ({@code lib/certsd-studio-cli-VMVERSION.jsa}, JDK 17's AppCDS: the classes a check loads, already parsed and
 * verified). The second JVM's start costs about 80 ms; the options save more than that on a check of one directory
 * and a tenth of a check of 100,000 files (docs/performance.md has the figures).
 *
 * <p>Only when the JVM was started without options of its own: {@code java -Xmx1g -jar ...}, {@code JDK_JAVA_OPTIONS}
 * or {@code JAVA_TOOL_OPTIONS} are the user's choice, and the command runs in the JVM they made.
 * {@code -Dcertsd.relaunch=off} never relaunches. The second JVM gets the same arguments, standard streams and
 * environment; its exit code is this one's; when this JVM is stopped (Ctrl-C, {@code kill}) it stops the second.
 * The archive is used only when it belongs to the jar's owner and nobody else can write it (a root run must not load
 * classes another user could have put there), and the JVM is the one that made it; otherwise the second JVM reads
 * the jars as usual.
 */
final class Relaunch {
    /** Set in the second JVM to the first's process id: its options are the ones chosen here. */
    static final String MARK = "certsd.relaunched";
    /** The archive beside the jar, for the JVM of this {@code java.vm.version}: {@code lib/PREFIX + version + .jsa}. */
    static final String ARCHIVE_PREFIX = "certsd-studio-cli-";
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:-UsePerfData");
    /** Linux's transparent huge page mode: {@code always [madvise] never}, the one in force in brackets. */
    static final Path HUGE_PAGE_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private Relaunch() {
    }

    /** Whether this JVM is the second one (its options were chosen here). */
    static boolean relaunched() {
        return System.getProperty(MARK) != null;
    }

    /** Runs the command in a second JVM when that applies and returns its exit code; empty when it does not apply. */
    static Optional<Integer> run(String[] args) {
        Optional<List<String>> command = command(args);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Process process;
        try {
            process = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no second JVM: the command runs here, as started
        }
        Runtime.getRuntime().addShutdownHook(new Thread(new StopSecond(process), "certsd-relaunch-stop"));
        while (true) {
            try {
                return Optional.of(process.waitFor());
            } catch (InterruptedException e) {
                // only the shutdown hook ends the second JVM early
            }
        }
    }

    /**
     * Stopped (Ctrl-C, kill): the second JVM too, and this one ends after it. A class, not a lambda, like the rest of
     * what the first JVM runs: its first lambda or string concatenation costs 5-10 ms of bootstrap, and nothing is
     * archived for it.
     */
    private static final class StopSecond implements Runnable {
        private final Process process;

        StopSecond(Process process) {
            this.process = process;
        }

        @Override
        public void run() {
            process.destroy();
            try {
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * In the second JVM: ends it when the first is gone without stopping it (killed with SIGKILL, by the OOM killer or
     * a CI job's timeout), as one JVM killed would have ended; the exit code is a killed process's.
     */
    static void followFirst() {
        long first;
        try {
            first = Long.parseLong(System.getProperty(MARK, ""));
        } catch (NumberFormatException e) {
            return; // not started by Relaunch
        }
        // the first JVM by its process id, not this one's parent: killed before this JVM got here, this one's parent
        // is already another process
        ProcessHandle.of(first).ifPresentOrElse(p -> p.onExit().thenRun(() -> System.exit(137)), () -> System.exit(137));
    }

    /** The second JVM's command line, or empty when this JVM should run the command itself. */
    static Optional<List<String>> command(String[] args) {
        if (relaunched() || "off".equals(System.getProperty("certsd.relaunch"))
                || System.getenv("JDK_JAVA_OPTIONS") != null || System.getenv("JAVA_TOOL_OPTIONS") != null
                || System.getenv("_JAVA_OPTIONS") != null) {
            return Optional.empty();
        }
        Path jar = jar();
        String[] started = ProcessHandle.current().info().arguments().orElse(null);
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        if (jar == null || started == null || !plainJar(started, jar) || !Files.isExecutable(java)
                || !passesUnchanged(args)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(OPTIONS);
        if (hugePagesOnRequest(HUGE_PAGE_MODE)) {
            command.add("-XX:+UseTransparentHugePages");
        }
        Path archive = archive(jar);
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=".concat(archive.toString()));
            command.add("-Xlog:cds*=off"); // an archive the JVM rejects (a jar rebuilt since): the jars, silently
        }
        command.add(new StringBuilder("-D").append(MARK).append('=').append(ProcessHandle.current().pid()).toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * Whether the kernel gives huge pages to the heap when the JVM asks ({@code madvise}, Debian's default), as the
     * installed launcher asks: a page fault per 2 MB, not per 4 KB, as the heap is first touched (a check of 500
     * directories 0.82 -> 0.72 s, docs/performance.md). Not in the other modes: in {@code never} the JVM warns, in
     * {@code always} it gets them anyway; nor elsewhere than Linux.
     */
    static boolean hugePagesOnRequest(Path modeFile) {
        try {
            return Files.readString(modeFile, java.nio.charset.StandardCharsets.US_ASCII).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code java -jar JAR ...}, this jar, and nothing before {@code -jar}: no option of the user's. */
    static boolean plainJar(String[] started, Path jar) {
        if (started.length < 2 || !started[0].equals("-jar")) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of(started[1]), jar);
        } catch (IOException | RuntimeException e) {
            return false; // another jar that runs ours (its class path), or a path we cannot tell: run here
        }
    }

    /**
     * Whether the arguments reach the second JVM as the first got them. The JVM decodes its command line with the
     * platform's encoding ({@code sun.jnu.encoding}) and a new process's is encoded the same way, leniently: under the
     * C locale a name with {@code é} is decoded as replacement characters and would come out as {@code ??}, naming
     * another file. Only arguments decoded without a replacement character, each of which the encoding can write back,
     * are passed on (any argument under UTF-8 or Latin-1; ASCII ones under the C locale).
     */
    static boolean passesUnchanged(String[] args, java.nio.charset.Charset platform) {
        java.nio.charset.CharsetEncoder encoder = platform.newEncoder();
        for (String a : args) {
            if (a.indexOf('\uFFFD') >= 0 || !encoder.canEncode(a)) {
                return false;
            }
        }
        return true;
    }

    private static boolean passesUnchanged(String[] args) {
        try {
            return passesUnchanged(args, java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding")));
        } catch (RuntimeException e) {
            return false; // an encoding this JVM cannot name: run here
        }
    }

    /** The jar this class was loaded from, absolute; null when run from classes. */
    static Path jar() {
        try {
            java.security.CodeSource source = Relaunch.class.getProtectionDomain().getCodeSource();
            if (source == null || !source.getLocation().getPath().endsWith(".jar")) {
                return null;
            }
            return Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The trained archive beside {@code jar} for this JVM, when it may be used; else null. */
    static Path archive(Path jar) {
        Path archive = jar.resolveSibling("lib").resolve(ARCHIVE_PREFIX.concat(System.getProperty("java.vm.version")).concat(".jsa"));
        try {
            java.util.Map<String, Object> a = Files.readAttributes(archive, "unix:uid,mode,isRegularFile",
                    LinkOption.NOFOLLOW_LINKS);
            java.util.Map<String, Object> j = Files.readAttributes(jar, "unix:uid");
            boolean othersWrite = ((Integer) a.get("mode") & 0022) != 0;
            return Boolean.TRUE.equals(a.get("isRegularFile")) && !othersWrite && a.get("uid").equals(j.get("uid"))
                    ? archive : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null; // none, or a file system without Unix owners: the jars as usual
        }
    }
}
