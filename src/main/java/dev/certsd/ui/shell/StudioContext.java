package dev.certsd.ui.shell;

import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.PrivilegedRunner;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.KnownRoots;
import dev.certsd.roots.RootDiscovery;
import dev.certsd.ui.probe.ProbeRunner;
import dev.certsd.ui.workspace.ChangeWatcher;
import dev.certsd.ui.workspace.RootWatcher;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.work.FxBackground;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;

/**
 * Everything the window depends on that a test may want to replace: which roots exist, where settings and the
 * sample go, the clock, how work runs, how the disk is watched, how registries are reached, and the one
 * {@link FileChanges} (with its undo journal) every change of the app goes through, and the one way it runs the
 * privileged helper as administrator. Closing it stops the watcher and the worker threads (contexts made by
 * {@link #withLocale} and {@link #withAdministrator} share them: close one of them, once).
 */
public record StudioContext(RootDiscovery discovery, AppDirs dirs, Locale locale, Clock clock, Background background,
                            ChangeWatcher watcher, Function<CertsRoot, ScanOptions> scanOptions, ProbeRunner probes,
                            FileChanges changes, PrivilegedRunner administrator)
        implements AutoCloseable {

    /** The helper through pkexec on this machine. */
    public StudioContext(RootDiscovery discovery, AppDirs dirs, Locale locale, Clock clock, Background background,
                         ChangeWatcher watcher, Function<CertsRoot, ScanOptions> scanOptions, ProbeRunner probes,
                         FileChanges changes) {
        this(discovery, dirs, locale, clock, background, watcher, scanOptions, probes, changes,
                PrivilegedRunner.pkexec());
    }

    /** The undo journal in the data directory ({@code -Dcertsd.data.dir} moves it with the rest). */
    public StudioContext(RootDiscovery discovery, AppDirs dirs, Locale locale, Clock clock, Background background,
                         ChangeWatcher watcher, Function<CertsRoot, ScanOptions> scanOptions, ProbeRunner probes) {
        this(discovery, dirs, locale, clock, background, watcher, scanOptions, probes, journalIn(dirs));
    }

    /** Connection tests as on this machine, with the given way of reading roots. */
    public StudioContext(RootDiscovery discovery, AppDirs dirs, Locale locale, Clock clock, Background background,
                         ChangeWatcher watcher, Function<CertsRoot, ScanOptions> scanOptions) {
        this(discovery, dirs, locale, clock, background, watcher, scanOptions, ProbeRunner.onThisMachine(scanOptions));
    }

    /** {@code DATA/journal}, the user's alone (0700); the CLI finds it with {@code --journal}. */
    public static FileChanges journalIn(AppDirs dirs) {
        try {
            return new FileChanges(Journal.open(dirs.data().resolve("journal")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real machine: its roots, its config and data dirs, worker threads, a WatchService. */
    public static StudioContext ofThisMachine() throws IOException {
        // the installed dockerd/containerd are asked for their version once, off the UI thread, before any scan
        Thread versions = new Thread(() -> {
            for (dev.certsd.roots.Client c : dev.certsd.roots.Client.values()) {
                dev.certsd.roots.InstalledVersions.installed(c);
            }
        }, "certsd-client-versions");
        versions.setDaemon(true);
        versions.start();
        AppDirs dirs = AppDirs.ofThisMachine();
        Language language = Language.fromTag(new SettingsStore(dirs.config()).load().language())
                .orElse(Language.SYSTEM);
        Locale locale = language.locale(Locale.getDefault());
        if (language != Language.SYSTEM) {
            Locale.setDefault(locale); // JavaFX's own words (a text field's context menu) follow the choice too
        }
        return new StudioContext(KnownRoots.ofThisMachine(), dirs, locale,
                Clock.systemUTC(), new FxBackground(), new RootWatcher(), StudioContext::machineOptions);
    }

    /** The same machine read in another language (View › Language applies at once). */
    public StudioContext withLocale(Locale l) {
        return new StudioContext(discovery, dirs, l, clock, background, watcher, scanOptions, probes, changes,
                administrator);
    }

    /** The same, with another way to run the helper as administrator (tests: no test can answer the prompt). */
    public StudioContext withAdministrator(PrivilegedRunner a) {
        return new StudioContext(discovery, dirs, locale, clock, background, watcher, scanOptions, probes, changes, a);
    }

    /** The window's way of reading a root on this machine: the one source the command line uses too. */
    static ScanOptions machineOptions(CertsRoot root) {
        return MachineOptions.ofThisMachine().lenientScanOptions(root);
    }

    /** Stops watching the disk and the worker threads. */
    @Override
    public void close() {
        try {
            watcher.close();
        } finally {
            background.close();
        }
    }
}
