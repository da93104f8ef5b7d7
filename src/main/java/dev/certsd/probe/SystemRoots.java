package dev.certsd.probe;

import dev.certsd.material.CertInfo;
import dev.certsd.material.GoPem;
import dev.certsd.material.PemBlock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The system roots a Go client on Linux trusts (crypto/x509 root_linux.go and root_unix.go): the first readable
 * bundle file (or SSL_CERT_FILE), plus every file of the certificate directories (or SSL_CERT_DIR). Not the JDK's
 * cacerts, which often differs.
 */
public final class SystemRoots {
    static final List<String> FILES = List.of("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
            "/etc/ssl/ca-bundle.pem", "/etc/pki/tls/cacert.pem", "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
            "/etc/ssl/cert.pem");
    static final List<String> DIRS = List.of("/etc/ssl/certs", "/etc/pki/tls/certs");

    private SystemRoots() {
    }

    /** The sources Go would read with this environment, in order. */
    public static List<Path> sources(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        String file = env.get("SSL_CERT_FILE");
        List<String> files = file != null && !file.isEmpty() ? List.of(file) : FILES;
        for (String f : files) {
            if (Files.isReadable(Path.of(f))) {
                out.add(Path.of(f));
                break;
            }
        }
        String dir = env.get("SSL_CERT_DIR");
        for (String d : dir != null && !dir.isEmpty() ? List.of(dir.split(":")) : DIRS) {
            if (Files.isDirectory(Path.of(d))) {
                out.add(Path.of(d));
            }
        }
        return out;
    }

    public static List<X509Certificate> load(Map<String, String> env) {
        List<X509Certificate> roots = new ArrayList<>();
        for (Path source : sources(env)) {
            if (Files.isDirectory(source)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(source)) {
                    for (Path f : files) {
                        if (Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".0")) {
                            addPem(f, roots);
                        }
                    }
                } catch (IOException e) {
                    // Go skips unreadable directories too
                }
            } else {
                addPem(source, roots);
            }
        }
        return roots;
    }

    private static void addPem(Path f, List<X509Certificate> roots) {
        try {
            for (PemBlock b : GoPem.decodeAll(dev.certsd.material.InputFiles.readRegular(f, 8 * 1024 * 1024))) {
                if (b.type().equals("CERTIFICATE") && b.headers().isEmpty()) {
                    dev.certsd.material.CertParser.parse(b.bytes()).map(CertInfo::certificate).ifPresent(roots::add);
                }
            }
        } catch (IOException e) {
            // unreadable file: Go skips it
        }
    }
}
