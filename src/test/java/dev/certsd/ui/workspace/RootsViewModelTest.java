package dev.certsd.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.roots.RootKind;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roots view model with a same-thread executor and a hand-driven watcher: no window, no toolkit. */
class RootsViewModelTest {
    @TempDir
    Path tmp;
    private Path docker;
    private final Map<Path, Consumer<DiskEvents>> watched = new HashMap<>();
    private final Map<Path, Boolean> watchedUnscanned = new HashMap<>();
    private final List<CertsRoot> discovered = new ArrayList<>();
    private RootsViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        docker = Files.createDirectories(tmp.resolve("etc/docker/certs.d"));
        TestPki.Issued ca = TestPki.cert("CN=ca").ca().build();
        TestPki.write(docker.resolve("reg:5000"), "ca.crt", ca.certPem());
        discovered.add(new CertsRoot(docker, RootKind.DOCKER, Client.DOCKER));
        model = newModel(List.of());
    }

    private RootsViewModel newModel(List<CertsRoot> remembered) {
        return newModel(remembered, null);
    }

    private RootsViewModel newModel(List<CertsRoot> remembered, Path sampleLocation) {
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, Clock.systemUTC(), 30,
                InsecureRegistries.defaults(HostsFileResolver.of(tmp.resolve("none"))), false, 1 << 20);
        ChangeWatcher watcher = new ChangeWatcher() {
            @Override
            public void watch(Path root, Consumer<DiskEvents> onChange) {
                watched.put(root, onChange);
                watchedUnscanned.put(root, model.model(root).map(m -> m.report() == null).orElse(true));
            }

            @Override
            public void unwatch(Path root) {
                watched.remove(root);
            }

            @Override
            public void close() {
            }
        };
        return new RootsViewModel(() -> List.copyOf(discovered), remembered, r -> options, Background.sameThread(),
                watcher, () -> tmp.resolve("sample"), sampleLocation, new UiText(Locale.ENGLISH));
    }

    @Test
    void startScansEveryDiscoveredRootAndWatchesIt() {
        model.start();
        assertEquals(1, model.roots().size());
        assertEquals(1, model.roots().get(0).report().hosts().size());
        assertTrue(watched.containsKey(docker));
        assertFalse(model.emptyProperty().get());
    }

    @Test
    void heldScansWaitForTheReleaseButTheRootsAreListedAtOnce() {
        model.holdScans();
        model.start();
        assertEquals(1, model.roots().size(), "listed before any scan: no empty state in the first frame");
        assertNull(model.roots().get(0).report());
        model.releaseScans();
        assertEquals(1, model.roots().get(0).report().hosts().size());
    }

    @Test
    void heldRootsAreWatchedOnlyWhenReleasedAndBeforeTheirFirstScan() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other/certs.d"));
        model.holdScans();
        model.start();
        model.addRoot(other);
        model.remove(other);
        assertTrue(watched.isEmpty(), "nothing is watched before the first frame: " + watched.keySet());
        model.releaseScans();
        assertEquals(java.util.Set.of(docker), watched.keySet(), "a root removed while held is never watched");
        assertTrue(watchedUnscanned.get(docker), "watched before it is read: a change made while it is read is seen");
        assertEquals(1, model.roots().get(0).report().hosts().size());
    }

    @Test
    void noDiscoveredAndNoRememberedRootMeansEmpty() {
        discovered.clear();
        model = newModel(List.of());
        model.start();
        assertTrue(model.emptyProperty().get());
    }

    @Test
    void droppingFoldersAddsThemAsRootsAndSkipsFiles() throws Exception {
        model.start();
        Path other = Files.createDirectories(tmp.resolve("other/certs.d"));
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertTrue(model.acceptsDrop(List.of(file, other)));
        assertFalse(model.acceptsDrop(List.of(file)));
        assertEquals(1, model.drop(List.of(file, other)));
        assertEquals(2, model.roots().size());
        assertEquals(NodeKey.ofRoot(other), model.selectedKeyProperty().get());
        assertEquals(List.of(CertsRoot.custom(other, Client.DOCKER)), model.userRoots());
    }

    @Test
    void aRememberedSampleRootIsLabelledSampleAndAnAddedFolderByItsClient() throws Exception {
        Path sample = Files.createDirectories(tmp.resolve("data/sample/certs.d"));
        Path mine = Files.createDirectories(tmp.resolve("mine/certs.d"));
        UiText text = new UiText(Locale.ENGLISH);
        model = newModel(List.of(CertsRoot.custom(sample, Client.DOCKER), CertsRoot.custom(mine, Client.CONTAINERS)),
                sample);
        model.start();
        assertEquals("Docker", model.model(docker).orElseThrow().label(text));
        assertTrue(model.model(sample).orElseThrow().sample());
        assertEquals("Sample (Docker)", model.model(sample).orElseThrow().label(text));
        assertFalse(model.model(mine).orElseThrow().sample());
        assertEquals("Custom (podman/skopeo)", model.model(mine).orElseThrow().label(text));
    }

    @Test
    void droppingAnOpenRootAgainSelectsItWithoutAddingIt() {
        model.start();
        assertEquals(0, model.drop(List.of(docker)));
        assertEquals(1, model.roots().size());
        assertEquals(NodeKey.ofRoot(docker), model.selectedKeyProperty().get());
    }

    @Test
    void rememberedRootsComeBackAsUserRoots() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        model = newModel(List.of(CertsRoot.custom(mine, Client.DOCKER)));
        model.start();
        assertEquals(2, model.roots().size());
        assertEquals(List.of(CertsRoot.custom(mine, Client.DOCKER)), model.userRoots());
    }

    @Test
    void aChangedHostDirectoryIsRescannedAloneAndTheOthersKeepTheirSnapshot() throws Exception {
        TestPki.write(docker.resolve("other.example"), "ca.crt", TestPki.cert("CN=o").ca().build().certPem());
        model.start();
        RootModel m = model.roots().get(0);
        var untouched = m.report().hosts().get(0);
        assertEquals("other.example", untouched.hostDir().dirName());
        TestPki.write(docker.resolve("reg:5000"), "extra.txt", "note");
        watched.get(docker).accept(DiskEvents.hosts(Set.of("reg:5000")));
        assertEquals(List.of("ca.crt", "extra.txt"),
                m.report().hosts().get(1).files().stream().map(f -> f.name()).toList());
        assertTrue(untouched == m.report().hosts().get(0), "the other host's report is reused, not rescanned");
    }

    @Test
    void deletingTheSelectedFileSelectsItsDirectory() throws Exception {
        model.start();
        model.selectedKeyProperty().set(NodeKey.ofFile(docker, "reg:5000", "ca.crt"));
        Files.delete(docker.resolve("reg:5000/ca.crt"));
        watched.get(docker).accept(DiskEvents.hosts(Set.of("reg:5000")));
        assertEquals(NodeKey.ofHost(docker, "reg:5000"), model.selectedKeyProperty().get());
    }

    @Test
    void aRootThatDisappearsShowsWhy() throws Exception {
        model.start();
        Files.delete(docker.resolve("reg:5000/ca.crt"));
        Files.delete(docker.resolve("reg:5000"));
        Files.delete(docker);
        watched.get(docker).accept(DiskEvents.everything());
        RootModel m = model.roots().get(0);
        assertNull(m.report());
        assertEquals(RootModel.Problem.MISSING, m.problemProperty().get());
    }

    @Test
    void addingAFileInsteadOfAFolderIsRefusedWithANotice() throws Exception {
        model.start();
        Path file = Files.writeString(tmp.resolve("ca.crt"), "x");
        assertEquals(RootsViewModel.AddResult.NOT_A_FOLDER, model.addRoot(file));
        assertTrue(model.noticeProperty().get().contains("is not a folder"));
    }

    @Test
    void theRootsListIsReadOnlyAndChangesOnlyThroughTheModel() {
        model.start();
        assertThrows(UnsupportedOperationException.class, () -> model.roots().setAll(List.of()));
    }
}
