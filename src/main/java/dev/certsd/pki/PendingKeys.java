package dev.certsd.pki;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.certs.Pem;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.PkiText;
import dev.certsd.files.FileModes;
import dev.certsd.material.GoPem;
import dev.certsd.material.KeyParser;
import dev.certsd.material.PemBlock;
import dev.certsd.plan.Writes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys waiting for their certificate from a corporate CA. They live in the application's data directory (0700,
 * keys 0600), never in certs.d: a lone {@code .key} in a host directory makes every pull fail with "missing client
 * certificate" until the certificate comes. Each key has a small JSON note of what it waits for.
 */
public final class PendingKeys {
    private final Path dir;

    public PendingKeys(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code $XDG_DATA_HOME/certsd-studio/pending-keys} (default {@code ~/.local/share/...}), beside the journal. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("certsd-studio").resolve("pending-keys");
    }

    public Path directory() {
        return dir;
    }

    /**
     * A key that waits.
     *
     * @param publicKeyId the identity of its public half (compare with {@code CertInfo.publicKeyId()})
     * @param hostDir     the host directory the pair is meant for
     * @param name        the pair's base name
     * @param csr         where its request was written
     */
    public record Waiting(String id, Path keyFile, Path noteFile, String publicKeyId, Path hostDir, String name,
                         Path csr, String subject, Instant created) {
    }

    /** Every waiting key, oldest first; unreadable leftovers are skipped. */
    public List<Waiting> list() throws PkiException {
        List<Waiting> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.key")) {
            for (Path key : s) {
                read(key).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw PkiException.unreadable(dir, e);
        }
        out.sort(Comparator.comparing(Waiting::created));
        return out;
    }

    /** The waiting key whose public half this is. */
    public Optional<Waiting> find(String publicKeyId) throws PkiException {
        return list().stream().filter(w -> w.publicKeyId().equals(publicKeyId)).findFirst();
    }

    /** Adds the steps that store a new waiting key and its note. */
    void add(Writes w, PrivateKey key, PublicKey pub, Path hostDir, String name, Path csr, String subject,
             Instant now) throws PkiException {
        String id = id(pub);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("hostDir", hostDir.toString());
        note.put("name", name);
        note.put("csr", csr.toString());
        note.put("subject", subject);
        note.put("created", now.toString());
        try {
            w.directory(dir, FileModes.PRIVATE_DIRECTORY)
                    .file(keyFile(id), Pem.ascii(Pem.privateKey(key)), FileModes.KEY, false)
                    .file(dir.resolve(id + ".json"), JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asBytes(note),
                            FileModes.KEY, false);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always writes as JSON", e);
        }
    }

    Path keyFile(String id) {
        return dir.resolve(id + ".key");
    }

    /** The first 16 bytes of the SHA-256 of the public key, in hex: a stable file name for the key. */
    static String id(PublicKey pub) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(pub.getEncoded());
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Optional<Waiting> read(Path key) {
        try {
            List<PemBlock> blocks = GoPem.decodeAll(dev.certsd.material.InputFiles.read(key));
            if (blocks.isEmpty()) {
                return Optional.empty();
            }
            String pubId = KeyParser.parseGo(blocks.get(0).bytes()).key().publicKeyId();
            if (pubId == null) {
                return Optional.empty();
            }
            String file = key.getFileName().toString();
            String id = file.substring(0, file.length() - 4);
            Path notePath = dir.resolve(id + ".json");
            Map<String, Object> note = Files.exists(notePath)
                    ? JSON.std.mapFrom(Files.readString(notePath, StandardCharsets.UTF_8)) : Map.of();
            Instant created = note.get("created") instanceof String c ? Instant.parse(c)
                    : Files.getLastModifiedTime(key).toInstant();
            return Optional.of(new Waiting(id, key, notePath, pubId, path(note.get("hostDir")),
                    note.get("name") instanceof String n ? n : null, path(note.get("csr")),
                    note.get("subject") instanceof String s ? s : null, created));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path path(Object o) {
        return o instanceof String s ? Path.of(s) : null;
    }
}
