package dev.certsd.ui.wizard.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.OsFamily;
import dev.certsd.roots.RootKind;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.RootChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new-registry wizard's model: what the user types, checked as typed, and the directory in each root. */
class RegistryWizardModelTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    @TempDir
    Path tmp;

    private RegistryWizardModel model(UiText text, ScanOptions options, RootChoice... roots) {
        return new RegistryWizardModel(List.of(roots), r -> options, text);
    }

    private RootChoice docker(String name) {
        return new RootChoice(new CertsRoot(tmp.resolve(name), RootKind.DOCKER, Client.DOCKER), "Docker", false);
    }

    private RootChoice podman(String name) {
        return new RootChoice(new CertsRoot(tmp.resolve(name), RootKind.PODMAN_USER, Client.CONTAINERS),
                "podman (user)", false);
    }

    @Test
    void eachKeystrokeIsCheckedAndTheProblemSaysWhatToTypeInstead() {
        RegistryWizardModel m = model(EN, Fixtures.options(Client.DOCKER), docker("docker"));
        assertEquals("Enter the registry as you type it in docker pull, e.g. registry.example.com or reg:5000.",
                m.problemProperty().get());
        m.registryProperty().set("myimage");
        assertTrue(m.problemProperty().get().startsWith("\"myimage\" is read by Docker as an image on Docker Hub"),
                m.problemProperty().get());
        assertFalse(m.completeProperty().get());
        m.registryProperty().set("reg.example.com:99999");
        assertEquals("The port in reg.example.com:99999 is not between 1 and 65535.", m.problemProperty().get());
        m.registryProperty().set("reg.example.com:5000");
        assertEquals("", m.problemProperty().get());
        assertTrue(m.completeProperty().get());
    }

    @Test
    void theDirectoryNameHasNoDefaultPortAndTheStrippedPartsAreExplained() {
        RegistryWizardModel m = model(EN, Fixtures.options(Client.DOCKER), docker("docker"));
        m.registryProperty().set("https://reg.example.com:443/v2/");
        assertEquals("Directory: " + tmp.resolve("docker/reg.example.com") + " (will be created)",
                m.rows().get(0).directory().directoryProperty().get());
        assertEquals(List.of("https:// is not part of the directory name: removed.",
                "Port 443 is the default: the directory name has no port (the client would not look for :443)."),
                m.notes());
    }

    @Test
    void dockerIgnoringCertsDIsSaidForLoopbackLocalhostAndHubButNotForPodman() {
        RegistryWizardModel m = model(EN, Fixtures.options(Client.DOCKER), docker("docker"), podman("podman"));
        m.registryProperty().set("127.0.0.1:5000");
        assertTrue(m.rows().get(0).directory().warnings().get(0).startsWith("Docker treats 127.0.0.1:5000 as an insecure "
                + "registry (127.0.0.1 is a loopback address) and never reads certs.d for it"),
                m.rows().get(0).directory().warnings().toString());
        assertEquals(List.of(), m.rows().get(1).directory().warnings());
        m.registryProperty().set("localhost:5000");
        assertTrue(m.rows().get(0).directory().warnings().get(0).contains("resolves to the loopback address"),
                m.rows().get(0).directory().warnings().toString());
        m.registryProperty().set("docker.io");
        assertEquals(List.of("Docker never reads certs.d for Docker Hub (docker.io)."), m.rows().get(0).directory().warnings());
        m.registryProperty().set("reg.example.com");
        assertEquals(List.of(), m.rows().get(0).directory().warnings());
    }

    @Test
    void onWindowsTheColonIsStrippedFromTheName() {
        ScanOptions linux = Fixtures.options(Client.DOCKER);
        ScanOptions windows = new ScanOptions(Client.DOCKER, OsFamily.WINDOWS, linux.clock(), 30, linux.insecure(),
                false, linux.maxFileBytes());
        RegistryWizardModel m = model(EN, windows, docker("docker"));
        m.registryProperty().set("reg.example.com:5000");
        assertTrue(m.rows().get(0).directory().directoryProperty().get().contains("reg.example.com5000"),
                m.rows().get(0).directory().directoryProperty().get());
        assertEquals(List.of("Docker on Windows strips the colon: the directory is reg.example.com5000 (for "
                + "reg.example.com:5000)."), m.rows().get(0).directory().warnings());
    }

    @Test
    void withoutAChosenRootThereIsNothingToCreateAndAFolderCanBeAdded() throws Exception {
        RegistryWizardModel m = model(EN, Fixtures.options(Client.DOCKER));
        m.registryProperty().set("reg.example.com");
        assertFalse(m.completeProperty().get());
        m.folder().folderProperty().set("relative/certs.d");
        assertEquals("Type a full path (starting with /): relative/certs.d", m.folder().problemProperty().get());
        assertFalse(m.folder().addable().get());
        Files.writeString(tmp.resolve("a-file"), "x");
        m.folder().folderProperty().set(tmp.resolve("a-file").toString());
        assertEquals(tmp.resolve("a-file") + " is a file, not a folder.", m.folder().problemProperty().get());
        m.folder().folderProperty().set(tmp.resolve("new/certs.d").toString());
        assertEquals("", m.folder().problemProperty().get());
        assertTrue(m.addFolder());
        assertTrue(m.completeProperty().get());
        assertEquals(tmp.resolve("new/certs.d/reg.example.com"), m.rows().get(0).target().path());
    }

    @Test
    void thePlanMakesOnlyTheMissingDirectoriesOfTheChosenRoots() throws Exception {
        RegistryWizardModel m = model(EN, Fixtures.options(Client.DOCKER), docker("docker"), podman("podman"));
        m.registryProperty().set("reg.example.com:5000");
        m.rows().get(1).chosenProperty().set(true);
        Files.createDirectories(tmp.resolve("docker/reg.example.com:5000"));
        // the rows were worked out before the directory appeared: typing again re-reads them
        m.registryProperty().set("reg.example.com:5000 ");
        var planned = m.planner().plan(dev.certsd.certs.Cancel.none(), dev.certsd.pki.Progress.NONE).orElseThrow();
        assertEquals(List.of(tmp.resolve("podman"), tmp.resolve("podman/reg.example.com:5000")),
                planned.changes().ops().stream().map(op -> op.paths().get(0)).toList());
        m.rows().get(1).chosenProperty().set(false);
        assertTrue(m.planner().plan(dev.certsd.certs.Cancel.none(), dev.certsd.pki.Progress.NONE).isEmpty());
    }

    @Test
    void inJapaneseTheProblemsAndWarningsUseTheSeedsWords() {
        UiText ja = new UiText(Locale.JAPANESE);
        RegistryWizardModel m = model(ja, Fixtures.options(Client.DOCKER), docker("docker"));
        assertTrue(m.problemProperty().get().contains("レジストリ"), m.problemProperty().get());
        m.registryProperty().set("reg.example.com:99999");
        assertTrue(m.problemProperty().get().contains("ポート"), m.problemProperty().get());
        m.registryProperty().set("127.0.0.1:5000");
        assertTrue(m.rows().get(0).directory().warnings().get(0).contains("安全でないレジストリ"), m.rows().get(0).directory().warnings().toString());
        assertTrue(m.rows().get(0).directory().warnings().get(0).contains("certs.d"), m.rows().get(0).directory().warnings().toString());
        assertTrue(m.rows().get(0).directory().directoryProperty().get().endsWith("（作成します）"),
                m.rows().get(0).directory().directoryProperty().get());
        m.folder().folderProperty().set("relative");
        assertEquals("フルパス（/ で始まる）で入力してください: relative", m.folder().problemProperty().get());
    }
}
