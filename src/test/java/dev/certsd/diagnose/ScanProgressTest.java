package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A scan tells its listener of each host directory once, from 1 to the total, on however many threads it runs. */
class ScanProgressTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 17})
    void everyHostDirectoryIsToldOnce(int dirs) throws Exception {
        for (int i = 0; i < dirs; i++) {
            Fixtures.healthy(root.resolve("reg-" + i + ".example.com:5000"));
        }
        Files.writeString(root.resolve("notes.txt"), "not a host directory\n");
        ConcurrentLinkedQueue<int[]> told = new ConcurrentLinkedQueue<>();
        ScanProgress progress = (done, total) -> told.add(new int[] {done, total});
        RootReport report = new RootScanner(Fixtures.options(Client.DOCKER), progress)
                .scan(CertsRoot.custom(root, Client.DOCKER), List.of());
        assertEquals(dirs, report.hosts().size());
        Set<Integer> done = new TreeSet<>();
        for (int[] t : told) {
            assertEquals(dirs, t[1], "the total is the number of host directories");
            done.add(t[0]);
        }
        assertEquals(dirs, told.size(), "once a directory");
        assertEquals(dirs, done.size(), "each count once");
        assertEquals(1, ((TreeSet<Integer>) done).first());
        assertEquals(dirs, ((TreeSet<Integer>) done).last());
    }
}
