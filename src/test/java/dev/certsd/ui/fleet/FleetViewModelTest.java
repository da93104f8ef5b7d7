package dev.certsd.ui.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.fleet.FleetReport;
import dev.certsd.remote.RemoteProblem;
import dev.certsd.remote.SshSettings;
import dev.certsd.roots.Client;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.RealSshd;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.QueuedBackground;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fleet view's state without a window, against a real sshd: host keys, rows as machines end, cancel, export. */
class FleetViewModelTest {
    private static final UiText TEXT = new UiText(Locale.ENGLISH);
    private static final Duration MAX = Duration.ofSeconds(60);
    @RegisterExtension
    static final FleetMachines MACHINES = new FleetMachines();
    private final QueuedBackground background = new QueuedBackground();
    private RealSshd sshd;
    private FleetViewModel model;

    @BeforeEach
    void freshModel() throws Exception {
        sshd = MACHINES.sshd();
        Files.deleteIfExists(sshd.sshDir().resolve("known_hosts"));
        model = new FleetViewModel(background, TEXT, new SshSettings(sshd.sshDir(), Duration.ofSeconds(10), Set.of()));
    }

    private FleetReport checked() throws InterruptedException {
        assertTrue(background.drainUntil(() -> model.reportProperty().get() != null, MAX), "the check ends");
        return model.reportProperty().get();
    }

    @Test
    void anUnknownHostKeyIsTrustedOnlyWhenConfirmedThenTheMachinesDirectoriesArrive() throws Exception {
        model.check(MACHINES.aliases(1), MACHINES.sample().toString(), Client.DOCKER);
        assertTrue(model.runningProperty().get());
        checked();
        assertEquals(1, model.rows().size());
        RemoteProblem unknown = model.unknownKey(model.rows().get(0));
        assertNotNull(unknown, model.rows().toString());
        assertEquals(sshd.fingerprint(), unknown.fingerprint());
        assertFalse(Files.exists(sshd.sshDir().resolve("known_hosts")));

        model.trust(unknown.fingerprint());
        checked();
        assertFalse(model.runningProperty().get());
        assertEquals(1.0, model.progressProperty().get());
        assertEquals(SampleRoot.HOST_DIRS.size(), model.rows().size(), model.rows().toString());
        assertNull(model.unknownKey(model.rows().get(0)));
        assertTrue(Files.readString(sshd.sshDir().resolve("known_hosts")).contains("[127.0.0.1]:" + sshd.port()));
        assertTrue(model.statusProperty().get().startsWith("1 machines checked"), model.statusProperty().get());
    }

    @Test
    void aMachineThatRefusesTheConnectionIsOneRowSayingWhy() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        model.check(FleetMachines.aliases(1, closed), MACHINES.sample().toString(), Client.DOCKER);
        FleetReport report = checked();
        assertEquals(1, report.machines().size());
        assertFalse(report.machines().get(0).read());
        assertEquals(1, model.rows().size());
        assertFalse(model.rows().get(0).problem().isBlank(), model.rows().toString());
        assertNull(model.unknownKey(model.rows().get(0)));
    }

    @Test
    void theRowsAreReadOnlyAndTheExportsHoldWhatTheyShow() throws Exception {
        sshd.trustHostKey();
        model.check(MACHINES.aliases(2), MACHINES.sample().toString(), Client.DOCKER);
        checked();
        assertEquals(2 * SampleRoot.HOST_DIRS.size(), model.rows().size());
        assertThrows(UnsupportedOperationException.class, () -> model.rows().setAll(List.of()));
        Path csv = MACHINES.dir().resolve("fleet.csv");
        Path json = MACHINES.dir().resolve("fleet.json");
        model.exportCsv(csv);
        model.exportJson(json);
        assertEquals(1 + model.rows().size(), Files.readAllLines(csv).size());
        assertTrue(Files.readString(json).contains("runner02"));
    }

    @Test
    void cancelStopsTheMachinesNotStartedAndDropsWhatArrivesAfter() throws Exception {
        sshd.trustHostKey();
        model.check(MACHINES.aliases(20), MACHINES.sample().toString(), Client.DOCKER);
        model.cancel();
        assertFalse(model.runningProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Cancelled after 0 machines"), model.statusProperty().get());
        assertTrue(background.drainAll(MAX), "the check ends");
        assertNull(model.reportProperty().get(), "a cancelled check's report is not shown");
        assertTrue(model.rows().isEmpty(), model.rows().toString());
    }
}
