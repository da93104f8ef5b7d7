package dev.certsd.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The installed release, asked ahead ({@code prefetch}) or when needed, is what the daemon itself says. */
class InstalledVersionsTest {
    private static Optional<String> askedByHand(String program) throws Exception {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                Process proc = new ProcessBuilder(p.toString(), "--version").redirectErrorStream(true).start();
                String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                proc.waitFor(10, TimeUnit.SECONDS);
                return InstalledVersions.versionIn(out);
            }
        }
        return Optional.empty();
    }

    @Test
    void aPrefetchedAnswerIsTheDaemonsOwn() throws Exception {
        InstalledVersions.prefetch(Client.DOCKER);
        InstalledVersions.prefetch(Client.DOCKER); // asked once
        assertEquals(askedByHand("dockerd"), InstalledVersions.installed(Client.DOCKER).map(ClientVersion::version));
    }

    @Test
    void anAnswerAskedWhenNeededIsTheDaemonsOwn() throws Exception {
        assertEquals(askedByHand("containerd"),
                InstalledVersions.installed(Client.CONTAINERD).map(ClientVersion::version));
    }

    @Test
    void podmanAndSkopeoHaveNoDaemonToAsk() {
        InstalledVersions.prefetch(Client.CONTAINERS);
        assertEquals(Optional.empty(), InstalledVersions.installed(Client.CONTAINERS));
    }

    @Test
    void theVersionIsTheFirstDottedTriple() {
        assertEquals(Optional.of("20.10.24"), InstalledVersions.versionIn("Docker version 20.10.24+dfsg1, build 297e128"));
        assertEquals(Optional.of("1.6.20"),
                InstalledVersions.versionIn("containerd github.com/containerd/containerd 1.6.20~ds1 1.6.20~ds1-1+b1"));
    }
}
