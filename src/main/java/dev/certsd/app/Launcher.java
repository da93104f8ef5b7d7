package dev.certsd.app;

import dev.certsd.cli.CertsdCommand;
import dev.certsd.sample.SampleRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.shell.AppDirs;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The jar's entry point: no arguments (or {@code gui ...}) opens the window; anything else runs the command line.
 * A plain class, not an {@code Application}: with JavaFX on the classpath an Application main class refuses to
 * start ("JavaFX runtime components are missing").
 */
public final class Launcher {
    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" whenever it is on
     * the classpath, as in {@code java -jar}: a warning the user can do nothing about. Held here, or JUL forgets
     * the level with the logger; in a holder, so a command-line run does not start java.util.logging (about 40 ms).
     */
    private static final class JavaFxLog {
        static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("javafx");
    }

    /**
     * The work directory of the build's class-archive training ({@code -Dcertsd.cdsTraining=DIR}, with
     * {@code -XX:DumpLoadedClassList}; pom.xml then dumps the archive): {@link AotTraining}'s command-line steps, run
     * from the same jar and class path as the JVM {@link Relaunch} starts.
     */
    static final String TRAINING = "certsd.cdsTraining";

    private Launcher() {
    }

    public static void main(String[] args) throws IOException {
        String training = System.getProperty(TRAINING);
        if (training != null) { // the build's training run of the class archive (pom.xml): never a user's
            System.setProperty("certsd.training.gui", "false");
            AotTraining.main(new String[] {training});
            return;
        }
        if (args.length == 0 || args[0].equals("gui")) {
            QuickCompiler.request();
            gui(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
            return;
        }
        java.util.Optional<Integer> second = Relaunch.run(args);
        if (second.isPresent()) {
            System.exit(second.get());
            return;
        }
        if (Relaunch.relaunched()) {
            Relaunch.followFirst();
        } else {
            QuickCompiler.request();
        }
        prefetchClientVersion(args);
        if (CertsdCommand.runsQuickly(args)) {
            Warmup.openJars();
        } else {
            Warmup.start(args);
        }
        Charset cs = outputCharset(Charset.defaultCharset());
        PrintWriter out = new dev.certsd.cli.TerminalOut(System.out, cs);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        System.exit(CertsdCommand.run(args, out, err));
    }

    /**
     * Commands that model the installed client ask its daemon's version ({@code dockerd --version}); started here, at
     * once, it runs while the JVM loads the command line and scans. {@code --client NAME@VERSION} needs no question.
     */
    static void prefetchClientVersion(String[] args) {
        if (!List.of("check", "test", "fix").contains(args[0])) {
            return;
        }
        String client = "docker";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--client") && i + 1 < args.length) {
                client = args[i + 1];
            } else if (args[i].startsWith("--client=")) {
                client = args[i].substring("--client=".length());
            } else if (args[i].equals("--ssh") || args[i].startsWith("--ssh=")) {
                return; // another machine's client: never this one's
            }
        }
        if (!client.contains("@")) {
            dev.certsd.roots.Client.fromId(client).ifPresent(dev.certsd.roots.InstalledVersions::prefetch);
        }
    }

    /**
     * The terminal's charset, except that plain ASCII (the C/POSIX locale, or a locale that is not installed, e.g.
     * {@code LANG=ja_JP.UTF-8} without its locale data) becomes UTF-8, as Go tools and most others write: the
     * Japanese messages would otherwise come out as question marks. (Non-ASCII file names are another matter: under
     * such a locale the JDK cannot read them in the first place.)
     */
    static Charset outputCharset(Charset terminal) {
        return terminal.equals(java.nio.charset.StandardCharsets.US_ASCII) ? java.nio.charset.StandardCharsets.UTF_8
                : terminal;
    }

    private static void gui(List<String> args) {
        Startup startup;
        try {
            startup = Startup.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (startup.sample()) {
            // generated before the toolkit starts, so PATH may point into the fresh sample
            try {
                java.nio.file.Path root = new SampleRoot(Clock.systemUTC()).generate(AppDirs.ofThisMachine().data());
                if (startup.open() == null) {
                    startup = new Startup(startup.dark(), true, root);
                }
            } catch (IOException e) {
                System.err.println(new UiText(Locale.getDefault()).fmt("launcher.sampleFailed",
                        String.valueOf(e.getMessage())));
                System.exit(2);
                return;
            }
        }
        JavaFxLog.LOG.setLevel(java.util.logging.Level.SEVERE);
        StudioApp.launch(startup);
    }
}
