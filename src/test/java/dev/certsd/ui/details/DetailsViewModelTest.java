package dev.certsd.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.certsd.diagnose.Messages;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.workspace.ChangeWatcher;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the details are built: at once for a new selection, once per burst of rescans, for what is still there. */
class DetailsViewModelTest {
    private static final String HOST = "reg.example.com";
    @TempDir
    Path root;
    private RootsViewModel roots;
    private DetailsViewModel details;
    private final List<Runnable> later = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Fixtures.healthy(root.resolve(HOST));
        UiText text = new UiText(Locale.ENGLISH);
        roots = new RootsViewModel(() -> List.of(CertsRoot.custom(root, Client.DOCKER)), List.of(),
                r -> Fixtures.options(r.client()), Background.sameThread(), ChangeWatcher.none(), () -> root, text);
        details = new DetailsViewModel(roots, new DetailsBuilder(text, new Messages(Locale.ENGLISH),
                Clock.systemUTC()), later::add);
        roots.start();
    }

    private NodeKey file(String name) {
        return NodeKey.ofFile(root, HOST, name);
    }

    @Test
    void nothingSelectedShowsNoDetailsAndASelectionShowsAtOnce() {
        assertNull(details.detailsProperty().get());
        roots.selectedKeyProperty().set(NodeKey.ofHost(root, HOST));
        assertEquals(HOST, details.detailsProperty().get().title());
        roots.selectedKeyProperty().set(file("ca.crt"));
        assertEquals("ca.crt", details.detailsProperty().get().title());
        roots.selectedKeyProperty().set(null);
        assertNull(details.detailsProperty().get());
    }

    @Test
    void rescansRebuildTheDetailsOnceAndOnlyWhenPutOffWorkRuns() throws Exception {
        roots.selectedKeyProperty().set(file("client.cert"));
        while (!later.isEmpty()) {
            later.remove(0).run(); // the first scan's
        }
        String before = details.detailsProperty().get().value("Load order");
        TestPki.write(root.resolve(HOST), "aaa.crt", Files.readString(root.resolve(HOST).resolve("ca.crt")));
        roots.refreshRoot(root);
        roots.refreshRoot(root);
        assertEquals(1, later.size(), "two rescans, one rebuild put off");
        assertEquals(before, details.detailsProperty().get().value("Load order"), "not rebuilt before its turn");
        later.remove(0).run();
        assertEquals("3 of 4", details.detailsProperty().get().value("Load order"));
        roots.refreshRoot(root);
        assertEquals(1, later.size(), "the next rescan puts off a rebuild again");
    }

    @Test
    void aSelectedFileDeletedOnDiskHandsTheDetailsToItsDirectory() throws Exception {
        roots.selectedKeyProperty().set(file("client.key"));
        Files.delete(file("client.key").path());
        roots.refreshRoot(root);
        assertEquals(NodeKey.ofHost(root, HOST), roots.selectedKeyProperty().get());
        assertEquals(HOST, details.detailsProperty().get().title());
    }
}
