package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.probe.peers.PeerProcess;
import dev.certsd.remote.SshSettings;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.RealSshd;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --inventory}: 20 aliases of one real sshd, and a machine nobody answers for. */
class FleetCheckTest {
    @TempDir
    static Path dir;
    static RealSshd sshd;
    static Path sample;

    @BeforeAll
    static void start() throws Exception {
        sshd = RealSshd.start(dir.resolve("sshd"));
        sshd.trustHostKey();
        sample = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("data"));
        System.setProperty(SshSettings.SSH_DIR_PROPERTY, sshd.sshDir().toString());
    }

    @AfterAll
    static void stop() {
        System.clearProperty(SshSettings.SSH_DIR_PROPERTY);
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void twentyAliasesOfOneServerAreCheckedWithAtMostEightConnectionsAndTheDeadOneSaysWhy() throws Exception {
        StringBuilder ini = new StringBuilder("[runners]\n");
        for (int i = 1; i <= 20; i++) {
            ini.append(String.format("runner%02d ansible_host=127.0.0.1%n", i));
        }
        int dead = PeerProcess.freePort();
        ini.append("gone ansible_host=127.0.0.1 ansible_port=").append(dead).append('\n');
        ini.append("[runners:vars]\nansible_port=").append(sshd.port()).append("\nansible_user=")
                .append(System.getProperty("user.name")).append('\n');
        Path inventory = Files.writeString(dir.resolve("hosts"), ini.toString());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsdCommand.run(new String[] {"check", "--inventory", inventory.toString(), "--root",
                sample.toString(), "--json"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, code, err.toString());
        Map<String, Object> doc = JSON.std.mapFrom(out.toString());
        List<Map<String, Object>> machines = (List<Map<String, Object>>) doc.get("machines");
        assertEquals(21, machines.size());
        int max = ((Number) doc.get("maxConcurrentConnections")).intValue();
        assertTrue(max >= 2 && max <= 8, "max " + max);
        for (Map<String, Object> m : machines.subList(0, 20)) {
            assertEquals(true, m.get("read"), m.toString());
            assertEquals(SampleRoot.HOST_DIRS.size(), ((List<?>) m.get("hosts")).size());
        }
        Map<String, Object> gone = machines.get(20);
        assertEquals("gone", gone.get("name"));
        assertEquals("UNREACHABLE", gone.get("problem"));
        assertTrue(String.valueOf(gone.get("message")).contains("gone"), gone.toString());

        StringWriter text = new StringWriter();
        CertsdCommand.run(new String[] {"check", "--inventory", inventory.toString(), "--root", sample.toString(),
                "--max-connections", "3"}, new PrintWriter(text), new PrintWriter(new StringWriter()));
        assertTrue(text.toString().contains("runner07 (root@127.0.0.1:" + sshd.port() + ")")
                || text.toString().contains("runner07 ("), text.toString());
        assertTrue(text.toString().contains("21 machines checked (3 connections at most at once): 1 could not be read"),
                text.toString());
    }
}
