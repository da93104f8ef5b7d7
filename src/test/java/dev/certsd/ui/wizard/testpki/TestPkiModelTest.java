package dev.certsd.ui.wizard.testpki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.RootChoice;
import dev.certsd.ui.wizard.TargetModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test PKI's model: the server's names, the server folder, the client pair, each checked as typed. */
class TestPkiModelTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    @TempDir
    Path tmp;

    private TestPkiModel model() {
        TargetModel target = new TargetModel(List.of(RootChoice.folder(tmp.resolve("certs.d"), EN)),
                r -> Fixtures.options(Client.DOCKER), EN);
        target.registryProperty().set("registry.test:5443");
        TestPkiModel m = new TestPkiModel(target, EN, Clock.systemUTC());
        m.serverOutProperty().set(tmp.resolve("server").toString());
        return m;
    }

    @Test
    void theServersNamesAreCheckedOneByOneAndSummedUpWithTheRegistryFirst() {
        TestPkiModel m = model();
        assertEquals("The server certificate will be valid for: registry.test", m.sansSummaryProperty().get());
        m.sansProperty().set("registry.internal, 10.0.0.5 [::1]");
        assertEquals("", m.sansProblemProperty().get());
        assertEquals("The server certificate will be valid for: registry.test, registry.internal, 10.0.0.5, ::1",
                m.sansSummaryProperty().get());
        assertTrue(m.serverComplete().get());
        m.sansProperty().set("registry.internal, name!");
        assertEquals("\"name!\" is neither a host name nor an IP address.", m.sansProblemProperty().get());
        assertFalse(m.serverComplete().get());
    }

    @Test
    void theServerFolderMustBeAFullPathToAFolder() throws Exception {
        TestPkiModel m = model();
        m.serverOutProperty().set("server");
        assertEquals("Type a full path (starting with /): server", m.serverOutProblemProperty().get());
        assertFalse(m.serverComplete().get());
        Files.writeString(tmp.resolve("file"), "x");
        m.serverOutProperty().set(tmp.resolve("file").toString());
        assertEquals(tmp.resolve("file") + " is a file, not a folder.", m.serverOutProblemProperty().get());
        m.serverOutProperty().set(tmp.resolve("server").toString());
        assertTrue(m.serverComplete().get());
        assertEquals(tmp.resolve("server/config.yml"), m.serverFiles().config());
    }

    @Test
    void anExistingClientPairNeedsTheReplaceChoice() {
        TestPkiModel m = model();
        Fixtures.healthy(m.target().hostDir());
        m.pair().check();
        assertEquals("client.cert, client.key already there: tick “Replace the existing pair” or choose another name.",
                m.pair().problemProperty().get());
        assertFalse(m.clientComplete().get());
        m.pair().overwriteProperty().set(true);
        assertTrue(m.clientComplete().get());
        m.days().daysProperty().set("abc");
        assertFalse(m.clientComplete().get());
    }
}
