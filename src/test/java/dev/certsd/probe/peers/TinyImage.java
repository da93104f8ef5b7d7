package dev.certsd.probe.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The smallest image a registry stores, as an OCI image layout on disk (oci-layout, index.json, blobs): one empty
 * layer (a tar archive of just its end marker), a config naming that layer, and a manifest, each addressed by
 * its SHA-256.
 */
public final class TinyImage {
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private TinyImage() {
    }

    /** Writes the layout into {@code dir}, the manifest tagged {@code tag}; returns {@code dir}. */
    public static Path layout(Path dir, String tag) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        byte[] layer = new byte[1024];
        String layerDigest = blob(dir, layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + layerDigest + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = blob(dir, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + configDigest + "\",\"size\":" + config.length + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\""
                + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(dir, manifest);
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
                + MANIFEST + "\",\"digest\":\"" + manifestDigest + "\",\"size\":" + manifest.length
                + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}");
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return dir;
    }

    private static String blob(Path dir, byte[] content) throws IOException {
        String hex = sha256(content);
        Files.write(dir.resolve("blobs/sha256").resolve(hex), content);
        return "sha256:" + hex;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
