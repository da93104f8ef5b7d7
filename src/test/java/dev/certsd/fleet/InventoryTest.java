package dev.certsd.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.remote.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {
    @TempDir
    Path dir;

    private List<InventoryEntry> read(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return Inventory.read(f);
    }

    @Test
    void anIniInventoryTakesHostGroupParentAndAllVarsInAnsiblesOrder() throws IOException {
        List<InventoryEntry> e = read("hosts", """
                # CI runners
                [runners]
                runner[01:03].ci.example.com
                build-agent ansible_host=10.0.0.7 ansible_port=2222

                [runners:vars]
                ansible_user=ci

                [gpu]
                gpu1 ansible_host=10.0.0.9 ansible_user=ops

                [linux:children]
                runners
                gpu

                [linux:vars]
                ansible_port=22022

                [all:vars]
                ansible_user=nobody
                """);
        assertEquals(List.of("runner01.ci.example.com", "runner02.ci.example.com", "runner03.ci.example.com",
                "build-agent", "gpu1"), e.stream().map(InventoryEntry::name).toList());
        assertEquals(new SshTarget("ci", "runner02.ci.example.com", 22022), e.get(1).target());
        assertEquals(new SshTarget("ci", "10.0.0.7", 2222), e.get(3).target());
        assertEquals(new SshTarget("ops", "10.0.0.9", 22022), e.get(4).target());
    }

    @Test
    void aYamlInventoryWithChildrenAndVars() throws IOException {
        List<InventoryEntry> e = read("inventory.yml", """
                all:
                  vars:
                    ansible_user: deploy
                  hosts:
                    edge.example.com:
                  children:
                    nodes:
                      vars:
                        ansible_port: 2200
                      hosts:
                        node1:
                          ansible_host: 192.0.2.1
                        node2:
                          ansible_host: 192.0.2.2
                          ansible_user: root
                """);
        assertEquals(3, e.size());
        assertEquals(new SshTarget("deploy", "edge.example.com", 0), e.get(0).target());
        assertEquals(new SshTarget("deploy", "192.0.2.1", 2200), e.get(1).target());
        assertEquals(new SshTarget("root", "192.0.2.2", 2200), e.get(2).target());
    }

    @Test
    void aPlainListOfSshHosts() throws IOException {
        List<InventoryEntry> e = read("machines.txt", "alice@a.example.com:2222\nb.example.com\n\n[::1]:22\n");
        assertEquals(List.of(new SshTarget("alice", "a.example.com", 2222), new SshTarget(null, "b.example.com", 0),
                new SshTarget(null, "::1", 22)), e.stream().map(InventoryEntry::target).toList());
    }

    @Test
    void badInventoriesSayWhereAndWhat() {
        IOException bad = assertThrows(IOException.class, () -> read("a", "[web]\nhost1 ansible_port=http\n"));
        assertTrue(bad.getMessage().contains("host1") && bad.getMessage().contains("http"), bad.getMessage());
        IOException section = assertThrows(IOException.class, () -> read("b", "[web:weird]\nx\n"));
        assertTrue(section.getMessage().contains("line 1"), section.getMessage());
        assertThrows(IOException.class, () -> read("c", "# nothing\n"));
        assertThrows(IOException.class, () -> read("d.yaml", "- a\n- b\n"));
        assertThrows(IOException.class, () -> read("e", "user@@host\n"));
    }
}
