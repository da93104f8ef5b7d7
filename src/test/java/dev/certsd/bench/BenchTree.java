package dev.certsd.bench;

import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark's certs root: 500 registry directories of 5 files each (2,500 files), healthy ones and the
 * usual mix-ups (an expired pair named first, a client certificate without its key, ignored names), so the tree has
 * badges, verdicts and findings to show, as a large real root would.
 */
public final class BenchTree {
    public static final int HOSTS = 500;
    public static final int FILES_PER_HOST = 5;

    private BenchTree() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchTree ROOT");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    public static void write(Path root) throws IOException {
        Files.createDirectories(root);
        TestPki.Issued serverCa = TestPki.cert("O=Bench,CN=Registry CA").keys(TestPki.rsa(1)).ca().build();
        TestPki.Issued clientCa = TestPki.cert("O=Bench,CN=Client CA").keys(TestPki.rsa(2)).ca().build();
        TestPki.Issued good = TestPki.cert("O=Bench,CN=client").keys(TestPki.rsa(3)).issuer(clientCa).clientAuth().build();
        TestPki.Issued second = TestPki.cert("O=Bench,CN=second client").keys(TestPki.rsa(4)).issuer(clientCa)
                .clientAuth().build();
        TestPki.Issued expired = TestPki.cert("O=Bench,CN=expired client").keys(TestPki.rsa(5)).issuer(clientCa)
                .clientAuth().expired().build();
        for (int i = 0; i < HOSTS; i++) {
            Path dir = root.resolve(String.format("registry-%03d.example.com:5000", i));
            TestPki.write(dir, "ca.crt", serverCa.certPem());
            TestPki.pair(dir, "client", good);
            switch (i % 5) {
                case 0 -> TestPki.pair(dir, "a-expired", expired);
                case 1 -> {
                    TestPki.write(dir, "notes.pem", second.certPem());
                    TestPki.write(dir, "intermediate.crt", clientCa.certPem());
                }
                case 2 -> {
                    TestPki.write(dir, "orphan.cert", second.certPem());
                    TestPki.write(dir, "README.txt", "ask the registry team for a new certificate\n");
                }
                default -> TestPki.pair(dir, "second", second);
            }
        }
    }
}
