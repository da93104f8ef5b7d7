package dev.certsd.ui.workspace;

import dev.certsd.material.CertInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The commands on a selected node that need no view: what to copy, and how to show a file in the file manager. */
public final class NodeActions {
    private NodeActions() {
    }

    /**
     * The certificates of a file in PEM, re-encoded from what was parsed, so a DER or PKCS#7 file copies as the
     * PEM a {@code .crt} needs. Empty for keys and for nodes that are not files: keys never go to the clipboard.
     */
    public static Optional<String> pem(Node node) {
        if (!(node instanceof Node.FileNode f) || f.file().entry().content() == null) {
            return Optional.empty();
        }
        List<CertInfo> certs = f.file().entry().content().certificates();
        if (certs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (CertInfo c : certs) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(b64.encodeToString(c.certificate().getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * Opens the file manager on the node's folder, with the file selected where the platform allows it.
     *
     * @throws IOException when no file manager can be started
     */
    public static void reveal(Path path) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            new ProcessBuilder("open", "-R", path.toString()).start();
        } else if (os.startsWith("windows")) {
            new ProcessBuilder("explorer", "/select," + path).start();
        } else {
            Path folder = java.nio.file.Files.isDirectory(path) ? path : path.getParent();
            // xdg-open cannot select a file; it is on every desktop, unlike the FileManager1 D-Bus service
            new ProcessBuilder("xdg-open", folder.toString()).start();
        }
    }
}
