package dev.certsd.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.PreparedChange;
import dev.certsd.files.PrivilegedRunner;
import dev.certsd.pki.ClientCertificates;
import dev.certsd.pki.ClientSpec;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.Subject;
import dev.certsd.testing.RootOnly;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.wizard.ApplyViewModel.State;
import dev.certsd.ui.work.QueuedBackground;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizards' last page without a window: plan, preview, apply, refuse, cancel, administrator path, undo. */
class ApplyViewModelTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    @TempDir
    Path tmp;

    private FileChanges changes() throws IOException {
        return new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
    }

    private ApplyViewModel model(Background background, PrivilegedRunner elevation) throws IOException {
        FileChanges fc = changes();
        return new ApplyViewModel(() -> fc, background, EN, elevation);
    }

    private ApplyViewModel.Planner selfSigned(Path hostDir, KeySpec key) {
        ClientSpec spec = new ClientSpec(hostDir, "client", key, Subject.cn("laptop"), 30, false);
        return (c, p) -> Optional.of(new ClientCertificates(Clock.systemUTC()).selfSigned(spec, c, p));
    }

    @Test
    void thePlanIsShownThenAppliedThroughTheJournalAndUndone() throws Exception {
        Path host = tmp.resolve("certs.d/reg.example.com");
        ApplyViewModel m = model(Background.sameThread(), PrivilegedRunner.pkexec());
        List<Object> done = new ArrayList<>();
        m.onDone(done::add);
        m.prepare(selfSigned(host, KeySpec.EC_P256));
        assertEquals(State.READY, m.stateProperty().get(), m.messageProperty().get());
        assertTrue(m.steps().stream().anyMatch(s -> s.startsWith("Create " + host.resolve("client.key"))
                && s.contains("mode 0600")), m.steps().toString());
        assertTrue(m.notes().stream().anyMatch(s -> s.contains("only client certificate")), m.notes().toString());
        assertTrue(m.opensslProperty().get().contains("openssl req -new -x509"), m.opensslProperty().get());
        assertTrue(m.certificates().get(0).startsWith("CN=laptop · valid until"), m.certificates().toString());
        assertFalse(Files.exists(host), "nothing is written before Apply");

        m.apply();
        assertEquals(State.DONE, m.stateProperty().get(), m.messageProperty().get());
        assertEquals(1, done.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(host.resolve("client.key"))));
        assertTrue(Files.isRegularFile(host.resolve("client.cert")));

        m.undo();
        assertEquals(State.UNDONE, m.stateProperty().get(), m.messageProperty().get());
        assertFalse(Files.exists(host.resolve("client.cert")));
        assertFalse(Files.exists(host.resolve("client.key")));
    }

    @Test
    void aFileThatAppearedSinceThePreviewIsRefusedAndNothingIsWritten() throws Exception {
        Path host = Files.createDirectories(tmp.resolve("certs.d/reg.example.com"));
        ApplyViewModel m = model(Background.sameThread(), PrivilegedRunner.pkexec());
        m.prepare(selfSigned(host, KeySpec.EC_P256));
        assertEquals(State.READY, m.stateProperty().get());
        Files.writeString(host.resolve("client.key"), "someone else's key");

        m.apply();
        assertEquals(State.REFUSED, m.stateProperty().get());
        assertTrue(m.problems().stream().anyMatch(p -> p.contains("client.key already exists")), m.problems().toString());
        assertFalse(Files.exists(host.resolve("client.cert")));
        assertEquals("someone else's key", Files.readString(host.resolve("client.key")));
    }

    @Test
    void cancelStopsTheKeyGenerationAtOnceAndNothingIsWritten() throws Exception {
        Path host = tmp.resolve("certs.d/reg.example.com");
        QueuedBackground bg = new QueuedBackground();
        ApplyViewModel m = model(bg, PrivilegedRunner.pkexec());
        AtomicLong endedAt = new AtomicLong();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        ApplyViewModel.Planner slow = selfSigned(host, KeySpec.RSA_4096);
        m.prepare((c, p) -> {
            started.countDown();
            try {
                // a few RSA 4096 keys in a row: seconds of work, so Cancel surely comes first
                for (int i = 0; i < 5; i++) {
                    slow.plan(c, p);
                }
                return slow.plan(c, p);
            } finally {
                endedAt.set(System.nanoTime());
            }
        });
        assertEquals(State.PLANNING, m.stateProperty().get());
        assertTrue(started.await(5, java.util.concurrent.TimeUnit.SECONDS), "the key generation never started");
        long cancelledAt = System.nanoTime();
        m.cancel();
        assertEquals(State.CANCELLED, m.stateProperty().get());
        assertTrue(bg.drainUntil(() -> endedAt.get() != 0, Duration.ofSeconds(5)));
        assertTrue(endedAt.get() - cancelledAt < Duration.ofSeconds(1).toNanos(),
                "the worker stopped " + (endedAt.get() - cancelledAt) / 1_000_000 + " ms after Cancel");
        bg.drainUntil(() -> false, Duration.ofMillis(100));
        assertEquals(State.CANCELLED, m.stateProperty().get(), "a late result does not bring the page back");
        assertFalse(Files.exists(host));
    }

    @Test
    void aPlanThatCannotBeMadeSaysWhyInTheEnginesWords() throws Exception {
        ApplyViewModel m = model(Background.sameThread(), PrivilegedRunner.pkexec());
        Path host = Files.createDirectories(tmp.resolve("certs.d/reg.example.com"));
        Files.writeString(host.resolve("client.cert"), "x");
        m.prepare(selfSigned(host, KeySpec.EC_P256));
        assertEquals(State.PLAN_FAILED, m.stateProperty().get());
        assertTrue(m.messageProperty().get().startsWith("client.cert already in " + host), m.messageProperty().get());
    }

    @Test
    void nothingToDoIsSaidAsSuch() throws Exception {
        ApplyViewModel m = model(Background.sameThread(), PrivilegedRunner.pkexec());
        m.prepare((c, p) -> Optional.empty());
        assertEquals(State.NOTHING_TO_DO, m.stateProperty().get());
        assertEquals("Nothing to do: every directory exists already.", m.messageProperty().get());
    }

    @Test
    void theAdministratorPathShowsTheScriptRunsThePromptAndSettles() throws Exception {
        RootOnly.require("running the prepared script in place of pkexec");
        Path host = tmp.resolve("certs.d/reg.example.com");
        List<Path> asked = new ArrayList<>();
        PrivilegedRunner fake = new PrivilegedRunner() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Result run(PreparedChange prepared) throws IOException, InterruptedException {
                asked.add(prepared.directory());
                // what pkexec would do after the password: the same change, as root (the script's path)
                Path script = prepared.directory().resolve("apply.sh");
                ProcessBuilder pb = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
                // the test's root, listed as an administrator lists a custom root for the privileged path
                pb.environment().put("CERTSD_ROOTS_FILE",
                        Files.writeString(tmp.resolve("roots"), tmp.resolve("certs.d") + "\n").toString());
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes());
                return new Result(p.waitFor(), out);
            }
        };
        ApplyViewModel m = model(Background.sameThread(), fake);
        m.prepare(selfSigned(host, KeySpec.EC_P256));
        m.asAdministratorProperty().set(true);
        m.apply();
        assertEquals(State.NEEDS_PRIVILEGE, m.stateProperty().get(), m.messageProperty().get());
        assertTrue(m.scriptCommandProperty().get().matches("sudo sh /.*apply\\.sh"), m.scriptCommandProperty().get());
        assertTrue(m.scriptTextProperty().get().contains(host.resolve("client.key").toString()));
        assertFalse(Files.exists(host.resolve("client.key")), "prepared, not written");

        m.runElevated();
        assertEquals(1, asked.size(), "the helper ran once, on the prepared change");
        assertEquals(State.DONE, m.stateProperty().get(), m.messageProperty().get());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(host.resolve("client.key"))));
    }

    @Test
    void aDismissedPromptLeavesTheScriptOnShow() throws Exception {
        Path host = tmp.resolve("certs.d/reg.example.com");
        PrivilegedRunner dismissed = new PrivilegedRunner() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Result run(PreparedChange prepared) {
                return new Result(126, "Error executing command as another user: Request dismissed");
            }
        };
        ApplyViewModel m = model(Background.sameThread(), dismissed);
        m.prepare(selfSigned(host, KeySpec.EC_P256));
        m.asAdministratorProperty().set(true);
        m.apply();
        m.runElevated();
        assertEquals(State.NEEDS_PRIVILEGE, m.stateProperty().get());
        assertEquals("Not applied (the helper ended with 126: Error executing command as another user: Request "
                + "dismissed). Try again, or run the script yourself.", m.messageProperty().get());
        assertFalse(Files.exists(host.resolve("client.key")));
    }

    @Test
    void aHelperStoppedAtTheTimeLimitSaysSo() throws Exception {
        Path host = tmp.resolve("certs.d/reg.example.com");
        PrivilegedRunner stuck = new PrivilegedRunner() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Result run(PreparedChange prepared) {
                return new Result(-1, "", true);
            }
        };
        ApplyViewModel m = model(Background.sameThread(), stuck);
        m.prepare(selfSigned(host, KeySpec.EC_P256));
        m.asAdministratorProperty().set(true);
        m.apply();
        m.runElevated();
        assertEquals(State.NEEDS_PRIVILEGE, m.stateProperty().get());
        assertEquals("Not applied: the administrator prompt or the helper did not finish within 10 minutes, so it was "
                + "stopped. Try again, or run the script yourself.", m.messageProperty().get());
        assertFalse(Files.exists(host.resolve("client.key")));
    }

    @Test
    void aCancelledPlanAndAnUnexpectedErrorAreToldApart() throws Exception {
        ApplyViewModel m = model(Background.sameThread(), PrivilegedRunner.pkexec());
        m.prepare((c, p) -> {
            throw new PkiException.Cancelled();
        });
        assertEquals(State.CANCELLED, m.stateProperty().get());
        m.prepare((c, p) -> {
            throw new IllegalStateException("disk on fire");
        });
        assertEquals(State.PLAN_FAILED, m.stateProperty().get());
        assertEquals("Something went wrong: disk on fire", m.messageProperty().get());
    }
}
