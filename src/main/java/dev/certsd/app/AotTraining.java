package dev.certsd.app;

import dev.certsd.cli.CertsdCommand;
import dev.certsd.sample.SampleRoot;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the installed app's ahead-of-time cache (installer/build.sh, JDK 25's
 * {@code -XX:AOTCacheOutput}): one JVM that does what users start the app for, so the classes, linking and profiles
 * of those paths are in the cache the launcher opens. Not a user command; it writes under its work directory only.
 *
 * <pre>java -cp certsd-studio.jar dev.certsd.app.AotTraining --prepare WORKDIR
 * java -XX:AOTCacheOutput=FILE -cp certsd-studio.jar dev.certsd.app.AotTraining WORKDIR [HOSTDIR_ENDPOINT ...]</pre>
 *
 * <ol>
 *   <li>{@code check} (text and {@code --json}) over the sample root, with a directory of files as openssl writes
 *       them ({@link TrainingShapes}), unless {@code -Dcertsd.training.checks=false};</li>
 *   <li>{@code test} of each given {@code ROOT/HOSTDIR=URL} (a local TLS server the build started), when given;</li>
 *   <li>the window on the sample root, until its first frame ({@code -Dcertsd.exitAfterFirstFrame}), when a display
 *       is there ({@code -Dcertsd.training.gui=false} leaves it out).</li>
 * </ol>
 * The sample root is written into WORKDIR by {@code --prepare}, a JVM of its own, before the recorded runs (which
 * find it there): writing it makes keys and certificates with Bouncy Castle's provider, and a cache that recorded
 * that loaded those classes before every command, which needs none of them (installed {@code test} 0.61 -> 0.545 s,
 * docs/performance.md). Without {@code --prepare} the recorded run writes it itself, as before.
 * Exit code 0 when every step ran (a check that finds problems counts as run), else 1.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: AotTraining WORKDIR [ROOT/HOSTDIR=URL ...]");
            System.exit(2);
        }
        if (args.length == 2 && args[0].equals("--prepare")) {
            System.out.println(prepare(Path.of(args[1])));
            return;
        }
        Path work = Path.of(args[0]);
        useWorkDir(work);
        Path root = SampleRoot.location(work.resolve("data"));
        if (!Files.isDirectory(root)) {
            root = prepare(work);
        }
        boolean checks = !"false".equals(System.getProperty("certsd.training.checks"));
        boolean ok = true;
        for (int round = 0; round < 3 && checks; round++) { // a few rounds, so the profiles see the loops run
            ok &= cli("check", "--root", root.toString(), "--json");
            ok &= cli("check", "--root", root.toString());
        }
        for (int i = 1; i < args.length; i++) {
            ok &= test(args[i], checks);
        }
        if (!"false".equals(System.getProperty("certsd.training.gui"))) {
            System.setProperty("certsd.exitAfterFirstFrame", "true");
            System.setProperty("certsd.shownMarker", work.resolve("shown").toString());
            StudioApp.launch(new Startup(null, false, root));
            ok &= Files.exists(work.resolve("shown"));
        }
        System.err.println("AOT training " + (ok ? "ran every step" : "had a failing step"));
        System.exit(ok ? 0 : 1);
    }

    /**
     * {@code test} of one {@code ROOT/HOSTDIR=URL}, in JSON and in text: as users type it (the quick way,
     * {@code CertsdCommand.runsQuickly}) where the endpoint is the directory's own; the text through picocli's model
     * (with {@code --endpoint}) unless the cache is {@code test}'s alone, which the quick way serves.
     */
    private static boolean test(String target, boolean withChecks) {
        String[] parts = target.split("=", 2);
        Path hostDir = Path.of(parts[0]);
        String root = hostDir.getParent().toString();
        String dir = hostDir.getFileName().toString();
        boolean own = parts[1].equals("https://" + dir + "/v2/");
        boolean ok = own ? cli("test", "--root", root, "--json", dir)
                : cli("test", "--root", root, "--endpoint", parts[1], "--timeout", "3", "--json", dir);
        return ok & (own && !withChecks ? cli("test", "--root", root, dir)
                : cli("test", "--root", root, "--endpoint", parts[1], "--timeout", "3", dir));
    }

    /** The settings and the app's data (the sample root among them) under WORKDIR, never the user's. */
    private static void useWorkDir(Path work) {
        System.setProperty("certsd.config.dir", work.resolve("config").toString());
        System.setProperty("certsd.data.dir", work.resolve("data").toString());
    }

    /** Writes the sample root into WORKDIR (replacing one written before). */
    private static Path prepare(Path work) throws IOException {
        useWorkDir(work);
        Path root = new SampleRoot(Clock.systemUTC()).generate(work.resolve("data"));
        TrainingShapes.write(root);
        return root;
    }

    /** A command as {@link Launcher#main} runs it after its checks, the output to a UTF-8 terminal that drops it. */
    private static boolean cli(String... args) {
        Relaunch.command(args); // what the first JVM decides (nothing is started here)
        QuickCompiler.request(); // the installed runtime has no directives file, java -jar's training its own flag
        Launcher.prefetchClientVersion(args);
        if (CertsdCommand.runsQuickly(args)) {
            Warmup.openJars();
        } else {
            Warmup.start(args);
        }
        PrintWriter none = new dev.certsd.cli.TerminalOut(java.io.OutputStream.nullOutputStream(),
                Launcher.outputCharset(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilderWriter err = new StringBuilderWriter();
        int code = CertsdCommand.run(args, none, new PrintWriter(err, true));
        if (code > 1) {
            System.err.println("AOT training: " + String.join(" ", new ArrayList<>(List.of(args))) + " exited " + code
                    + "\n" + err);
            return false;
        }
        return true;
    }

    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(char[] buf, int off, int len) {
            text.append(buf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
