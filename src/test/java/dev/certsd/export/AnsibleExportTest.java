package dev.certsd.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.cli.CertsdCommand;
import dev.certsd.probe.peers.PeerPki;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.RealSshd;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported playbook, run by real ansible-playbook over a real sshd into a temporary root, twice. */
class AnsibleExportTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsdCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void thePlaybookInstallsTheFilesWithTheirModesChangesNothingTheSecondTimeAndCompareSaysEqual() throws Exception {
        Path ansible = ExternalTools.require("ansible-playbook", "ansible-core");
        PeerPki pki = new PeerPki();
        Path source = pki.hostDir(dir.resolve("src/registry.example.com:5000"), PeerPki.named("client", pki.good));
        Files.setPosixFilePermissions(source.resolve("client.key"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(source.resolve("client.cert"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(source.resolve("ca.crt"), PosixFilePermissions.fromString("rw-r--r--"));

        Run export = cli("export", "--format", "ansible", source.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, export.code(), export.err());
        String keyPem = Files.readString(source.resolve("client.key"));
        assertFalse(export.out().contains("PRIVATE KEY") || export.out().contains(keyPem.substring(40, 80)),
                "nothing secret printed");
        Path exportedKey = dir.resolve("out/files/registry.example.com:5000/client.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(exportedKey)));
        assertTrue(Files.exists(dir.resolve("out/files/registry.example.com:5000/hosts.toml")));

        try (RealSshd sshd = RealSshd.start(dir.resolve("sshd"))) {
            sshd.trustHostKey();
            Path inventory = Files.writeString(dir.resolve("inventory"), "node1 ansible_host=127.0.0.1 ansible_port="
                    + sshd.port() + " ansible_user=" + System.getProperty("user.name")
                    + " ansible_ssh_private_key_file=" + sshd.sshDir().resolve("id_ed25519")
                    + " ansible_ssh_common_args='-o UserKnownHostsFile=" + sshd.sshDir().resolve("known_hosts")
                    + " -o StrictHostKeyChecking=yes'\n");
            Path target = dir.resolve("node");
            String vars = "{\"certsd_roots\": [\"" + target.resolve("docker") + "\"], \"certsd_containerd_roots\": [\""
                    + target.resolve("containerd") + "\"], \"certsd_become\": false}";
            List<String> command = List.of(ansible.toString(), "-i", inventory.toString(),
                    dir.resolve("out/" + AnsibleExport.PLAYBOOK).toString(), "-e", vars);
            String first = play(command);
            assertTrue(Pattern.compile("node1\\s*:\\s*ok=\\d+\\s+changed=[1-9]").matcher(first).find(), first);
            String second = play(command);
            Matcher recap = Pattern.compile("node1\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=0\\s+failed=0")
                    .matcher(second);
            assertTrue(recap.find(), second);
            assertEquals("0", recap.group(2), "the second run changes nothing:\n" + second);
            assertFalse(first.contains("PRIVATE KEY"), "no_log keeps the key out of Ansible's output");
        }
        Path installed = target().resolve("docker/registry.example.com:5000");
        Run cmp = cli("compare", source.toString(), installed.toString(), "--json");
        assertEquals(0, cmp.code(), cmp.out() + cmp.err());
        assertTrue(cmp.out().contains("\"same\" : true"), cmp.out());
        Path containerd = target().resolve("containerd/registry.example.com:5000");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(containerd.resolve("client.key"))));
        assertTrue(Files.readString(containerd.resolve("hosts.toml"), StandardCharsets.UTF_8)
                .contains("client = [[\"client.cert\", \"client.key\"]]"));
    }

    private Path target() {
        return dir.resolve("node");
    }

    private String play(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("ansible.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-local").toString());
        env.put("ANSIBLE_REMOTE_TEMP", dir.resolve("ansible-remote").toString());
        env.put("ANSIBLE_PYTHON_INTERPRETER", "auto_silent");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ansible-playbook did not finish");
        String log = Files.readString(dir.resolve("ansible.log"));
        assertEquals(0, p.exitValue(), log);
        return log;
    }
}
