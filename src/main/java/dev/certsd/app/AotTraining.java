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
 * <pre>java -XX:AOTCacheOutput=FILE -cp certsd-studio.jar dev.certsd.app.AotTraining WORKDIR [HOSTDIR_ENDPOINT ...]</pre>
 *
 * <ol>
 *   <li>{@code check} (text and {@code --json}) over the sample root, generated into WORKDIR, with a directory of
 *       files as openssl writes them ({@link TrainingShapes});</li>
 *   <li>{@code test} of each given {@code ROOT/HOSTDIR=URL} (a local TLS server the build started), when given;</li>
 *   <li>the window on the sample root, until its first frame ({@code -Dcertsd.exitAfterFirstFrame}), when a display
 *       is there ({@code -Dcertsd.training.gui=false} leaves it out).</li>
 * </ol>
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
        Path work = Path.of(args[0]);
        System.setProperty("certsd.config.dir", work.resolve("config").toString());
        System.setProperty("certsd.data.dir", work.resolve("data").toString());
        Path root = new SampleRoot(Clock.systemUTC()).generate(work.resolve("data"));
        TrainingShapes.write(root);
        boolean ok = true;
        for (int round = 0; round < 3; round++) { // a few rounds, so the profiles see the loops run
            ok &= cli("check", "--root", root.toString(), "--json");
            ok &= cli("check", "--root", root.toString());
        }
        for (int i = 1; i < args.length; i++) {
            String[] target = args[i].split("=", 2);
            Path hostDir = Path.of(target[0]);
            // as users type it (the quick way, CertsdCommand.runsQuickly), where the endpoint is the directory's own
            if (target[1].equals("https://" + hostDir.getFileName() + "/v2/")) {
                ok &= cli("test", "--root", hostDir.getParent().toString(), "--json", hostDir.getFileName().toString());
            } else {
                ok &= cli("test", "--root", hostDir.getParent().toString(), "--endpoint", target[1], "--timeout", "3",
                        "--json", hostDir.getFileName().toString());
            }
            ok &= cli("test", "--root", hostDir.getParent().toString(), "--endpoint", target[1], "--timeout", "3",
                    hostDir.getFileName().toString());
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
