package dev.certsd.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.OsFamily;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.RealSshd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine reads a root over SFTP from a real OpenSSH server exactly as it reads it locally. */
class RemoteMachineTest {
    @TempDir
    static Path dir;
    static RealSshd sshd;
    static Path sample;

    @BeforeAll
    static void start() throws Exception {
        sshd = RealSshd.start(dir.resolve("sshd"));
        sample = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void freshKnownHosts() throws IOException {
        Files.deleteIfExists(sshd.sshDir().resolve("known_hosts"));
        Files.deleteIfExists(sshd.sshDir().resolve("config"));
    }

    private static SshSettings settings() {
        return new SshSettings(sshd.sshDir(), Duration.ofSeconds(10), Set.of());
    }

    private static SshTarget target() {
        return SshTarget.parse(sshd.target()).orElseThrow();
    }

    private static ScanOptions options(Client client) {
        return MachineOptions.scanOptions(CertsRoot.custom(sample, client), client, OsFamily.LINUX, 30,
                MachineOptions.ofThisMachine().insecureOrDefaults());
    }

    @Test
    void theSampleRootReadOverSftpGivesTheSameVerdictsAndFindingsAsLocally() throws Exception {
        sshd.trustHostKey();
        RootReport local = new RootScanner(options(Client.DOCKER)).scan(CertsRoot.custom(sample, Client.DOCKER),
                List.of());
        try (RemoteAccess access = new RemoteAccess(settings()); RemoteMachine m = access.open(target())) {
            CertsRoot remoteRoot = new CertsRoot(m.path(sample.toString()), dev.certsd.roots.RootKind.CUSTOM,
                    Client.DOCKER);
            RootReport remote = m.scan(remoteRoot, options(Client.DOCKER), List.of());
            assertEquals(local.hosts().size(), remote.hosts().size());
            for (int i = 0; i < local.hosts().size(); i++) {
                HostReport l = local.hosts().get(i);
                HostReport r = remote.hosts().get(i);
                assertEquals(l.hostDir(), r.hostDir());
                assertEquals(l.verdict(), r.verdict(), l.path().getFileName().toString());
                assertEquals(l.findings(), r.findings(), l.path().getFileName().toString());
            }
            assertEquals(SampleRoot.HOST_DIRS.size(), remote.hosts().size());
            assertTrue(remote.hosts().stream().anyMatch(HostReport::hasErrors));
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintUntilConfirmedThenRemembered() throws Exception {
        String fp = sshd.fingerprint();
        try (RemoteAccess access = new RemoteAccess(settings())) {
            RemoteException e = assertThrows(RemoteException.class, () -> access.open(target()));
            assertEquals(RemoteProblem.Kind.UNKNOWN_HOST_KEY, e.problem().kind());
            assertEquals(fp, e.problem().fingerprint());
            assertTrue(e.problem().message(Locale.ENGLISH).contains(fp));
            assertFalse(Files.exists(sshd.sshDir().resolve("known_hosts")));
        }
        try (RemoteAccess wrongConfirmed = new RemoteAccess(settings().withAccepted(Set.of("SHA256:not-this-one")))) {
            assertEquals(RemoteProblem.Kind.UNKNOWN_HOST_KEY,
                    assertThrows(RemoteException.class, () -> wrongConfirmed.open(target())).problem().kind());
        }
        try (RemoteAccess confirmed = new RemoteAccess(settings().withAccepted(Set.of(fp)));
             RemoteMachine m = confirmed.open(target())) {
            assertTrue(Files.isDirectory(m.path(sample.toString())));
        }
        String known = Files.readString(sshd.sshDir().resolve("known_hosts"), StandardCharsets.UTF_8);
        assertTrue(known.contains(sshd.knownHostsLine().split(" ")[2]), known);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(sshd.sshDir().resolve("known_hosts"))));
        try (RemoteAccess later = new RemoteAccess(settings()); RemoteMachine m = later.open(target())) {
            assertTrue(m.isOpen(), "the remembered key is trusted without asking again");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWhenItsFingerprintWasConfirmed() throws Exception {
        String fp = sshd.fingerprint();
        String other = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        Files.writeString(sshd.sshDir().resolve("known_hosts"),
                "[127.0.0.1]:" + sshd.port() + " ssh-ed25519 " + other + "\n", StandardCharsets.UTF_8);
        try (RemoteAccess access = new RemoteAccess(settings().withAccepted(Set.of(fp)))) {
            RemoteException e = assertThrows(RemoteException.class, () -> access.open(target()));
            assertEquals(RemoteProblem.Kind.CHANGED_HOST_KEY, e.problem().kind());
            assertEquals(fp, e.problem().fingerprint());
            assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
        }
        assertTrue(Files.readString(sshd.sshDir().resolve("known_hosts")).contains(other), "known_hosts untouched");
    }

    @Test
    void aConnectionKilledMidScanEndsWithAClearMessageLongBeforeTheTimeout() throws Exception {
        sshd.trustHostKey();
        try (RemoteAccess access = new RemoteAccess(settings()); RemoteMachine m = access.open(target())) {
            CertsRoot root = new CertsRoot(m.path(sample.toString()), dev.certsd.roots.RootKind.CUSTOM, Client.DOCKER);
            List<ProcessHandle> conns = sshd.connections();
            assertFalse(conns.isEmpty());
            signal("STOP", conns); // the scan starts and waits on its first answer...
            long start = System.nanoTime();
            CompletableFuture<RootReport> scan = CompletableFuture.supplyAsync(() -> {
                try {
                    return m.scan(root, options(Client.DOCKER), List.of());
                } catch (IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(scan.isDone(), "the scan waits on the frozen server");
            signal("KILL", sshd.connections()); // ...and the connection dies under it
            ExecutionException e = assertThrows(ExecutionException.class, () -> scan.get(8, TimeUnit.SECONDS));
            RemoteException re = (RemoteException) e.getCause();
            assertEquals(RemoteProblem.Kind.CONNECTION_LOST, re.problem().kind(), re.getMessage());
            assertTrue(re.getMessage().contains("lost"), re.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        }
    }

    @Test
    void aServerThatStopsAnsweringEndsTheScanAfterTheTimeoutWithItsOwnMessage() throws Exception {
        sshd.trustHostKey();
        SshSettings quick = settings().withTimeout(Duration.ofMillis(800));
        List<ProcessHandle> conns = List.of();
        try (RemoteAccess access = new RemoteAccess(quick); RemoteMachine m = access.open(target())) {
            CertsRoot root = new CertsRoot(m.path(sample.toString()), dev.certsd.roots.RootKind.CUSTOM, Client.DOCKER);
            conns = sshd.connections();
            signal("STOP", conns);
            long start = System.nanoTime();
            RemoteException e = assertThrows(RemoteException.class, () -> m.scan(root, options(Client.DOCKER),
                    List.of()));
            long took = System.nanoTime() - start;
            assertEquals(RemoteProblem.Kind.TIMEOUT, e.problem().kind(), e.getMessage());
            assertTrue(took < Duration.ofSeconds(4).toNanos(), "took " + took / 1_000_000 + " ms");
        } finally {
            signal("CONT", conns);
            conns.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void sshConfigHostAliasesNameTheMachineItsPortAndKey() throws Exception {
        sshd.trustHostKey();
        Path key = sshd.sshDir().resolve("id_ed25519");
        Path moved = sshd.sshDir().resolve("other_key");
        Files.move(key, moved);
        try {
            Files.writeString(sshd.sshDir().resolve("config"), String.join("\n",
                    "Host buildagent",
                    "  HostName 127.0.0.1",
                    "  Port " + sshd.port(),
                    "  User " + System.getProperty("user.name"),
                    "  IdentityFile ~/.ssh/other_key", ""));
            try (RemoteAccess access = new RemoteAccess(settings());
                 RemoteMachine m = access.open(SshTarget.parse("buildagent").orElseThrow())) {
                assertTrue(Files.isDirectory(m.path(sample.toString())));
            }
            try (RemoteAccess access = new RemoteAccess(settings())) {
                assertEquals(RemoteProblem.Kind.AUTH_FAILED, assertThrows(RemoteException.class,
                        () -> access.open(target())).problem().kind(), "without the config no key is offered");
            }
        } finally {
            Files.move(moved, key);
        }
    }

    @Test
    void aProxyJumpInSshConfigReachesTheMachineThroughTheJumpHost() throws Exception {
        sshd.trustHostKey();
        String user = System.getProperty("user.name");
        Files.writeString(sshd.sshDir().resolve("config"), String.join("\n",
                "Host bastion",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User " + user,
                "Host inside",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User " + user,
                "  ProxyJump bastion", ""));
        long before = sshd.logins();
        try (RemoteAccess access = new RemoteAccess(settings());
             RemoteMachine m = access.open(SshTarget.parse("inside").orElseThrow())) {
            assertTrue(Files.isDirectory(m.path(sample.toString())));
            assertEquals(before + 2, sshd.logins(), "one login to the jump host, one through it:\n" + sshd.log());
        }
    }

    @Test
    void nobodyListeningIsUnreachable() throws Exception {
        int port = dev.certsd.probe.peers.PeerProcess.freePort();
        try (RemoteAccess access = new RemoteAccess(settings())) {
            assertEquals(RemoteProblem.Kind.UNREACHABLE, assertThrows(RemoteException.class,
                    () -> access.open(new SshTarget("root", "127.0.0.1", port))).problem().kind());
        }
    }

    private static void signal(String sig, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle p : processes) {
            new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor();
        }
    }
}
