package dev.certsd.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.RootKind;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.UiText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host-directory page's view model: a root and the registry as typed, the directory that makes. */
class TargetViewModelTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    @TempDir
    Path tmp;

    private RootChoice docker(String name, boolean sample) {
        return new RootChoice(new CertsRoot(tmp.resolve(name), RootKind.DOCKER, Client.DOCKER), "Docker", sample);
    }

    private TargetViewModel model(RootChoice... roots) {
        return new TargetViewModel(List.of(roots), r -> Fixtures.options(r.client()), EN);
    }

    @Test
    void theFirstRootThatIsNoSampleIsChosenAndTheDirectoryFollowsWhatIsTyped() throws Exception {
        TargetViewModel m = model(docker("sample", true), docker("docker", false));
        assertEquals(tmp.resolve("docker"), m.rootProperty().get().path());
        assertFalse(m.completeProperty().get());
        assertNull(m.hostDir());
        m.registryProperty().set("https://reg.example.com:443/v2/");
        assertEquals("", m.problemProperty().get());
        assertEquals(tmp.resolve("docker/reg.example.com"), m.hostDir());
        assertEquals("reg.example.com", m.registry().registry());
        assertEquals("Directory: " + tmp.resolve("docker/reg.example.com") + " (will be created)",
                m.directory().directoryProperty().get());
        assertEquals(2, m.notes().size(), m.notes().toString());
        assertTrue(m.completeProperty().get());

        Files.createDirectories(tmp.resolve("docker/reg.example.com"));
        m.registryProperty().set("reg.example.com");
        assertEquals("Directory: " + tmp.resolve("docker/reg.example.com") + " (exists)",
                m.directory().directoryProperty().get());
        assertTrue(m.notes().isEmpty());
    }

    @Test
    void anInvalidRegistryClearsTheDirectoryAndSaysWhy() {
        TargetViewModel m = model(docker("docker", false));
        m.registryProperty().set("reg.example.com:5000");
        assertTrue(m.completeProperty().get());
        m.registryProperty().set("reg.example.com:99999");
        assertEquals("The port in reg.example.com:99999 is not between 1 and 65535.", m.problemProperty().get());
        assertNull(m.targetProperty().get());
        assertNull(m.registry());
        assertEquals("", m.directory().directoryProperty().get());
        assertFalse(m.completeProperty().get());
    }

    @Test
    void theDockerWarningsAreShownForTheRootChosen() {
        TargetViewModel m = model(docker("docker", false));
        m.registryProperty().set("127.0.0.1:5000");
        assertTrue(m.directory().warnings().get(0).startsWith("Docker treats 127.0.0.1:5000 as an insecure "),
                m.directory().warnings().toString());
        m.registryProperty().set("reg.example.com:5000");
        assertEquals(List.of(), m.directory().warnings());
    }

    @Test
    void withoutAnyRootItAsksForAFolderAndAFolderTypedIsAddedAndChosen() {
        TargetViewModel m = model();
        m.registryProperty().set("reg.example.com");
        assertEquals("Add a certs.d folder to write into.", m.problemProperty().get());
        assertFalse(m.completeProperty().get());
        assertFalse(m.folder().addable().get());
        m.folder().folderProperty().set("relative");
        assertEquals("Type a full path (starting with /): relative", m.folder().problemProperty().get());
        assertFalse(m.addFolder());
        m.folder().folderProperty().set(tmp.resolve("mine/certs.d").toString());
        assertTrue(m.folder().addable().get());
        assertTrue(m.addFolder());
        assertEquals("", m.folder().folderProperty().get());
        assertEquals(tmp.resolve("mine/certs.d"), m.rootProperty().get().path());
        assertEquals(tmp.resolve("mine/certs.d/reg.example.com"), m.hostDir());
        m.folder().folderProperty().set(tmp.resolve("mine/certs.d").toString());
        assertEquals(tmp.resolve("mine/certs.d") + " is already in the list.", m.folder().problemProperty().get());
    }

    @Test
    void aPreselectedHostDirectoryAndARootOfferedTwiceAreListedOnce() {
        TargetViewModel m = model(docker("a", false), docker("b", false));
        m.preselect(new CertsRoot(tmp.resolve("b"), RootKind.DOCKER, Client.DOCKER), "reg.example.com");
        assertEquals(tmp.resolve("b/reg.example.com"), m.hostDir());
        m.offer(RootChoice.folder(tmp.resolve("b"), EN));
        m.offer(RootChoice.folder(tmp.resolve("c"), EN));
        assertEquals(3, m.roots().size());
    }

    @Test
    void itsListsAreReadOnly() {
        TargetViewModel m = model(docker("docker", false));
        m.registryProperty().set("127.0.0.1:5000");
        assertThrows(UnsupportedOperationException.class, () -> m.roots().clear());
        assertThrows(UnsupportedOperationException.class, () -> m.notes().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> m.directory().warnings().clear());
    }
}
