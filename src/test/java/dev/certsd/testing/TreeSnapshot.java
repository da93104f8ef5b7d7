package dev.certsd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry under a directory with its kind, mode and exact bytes, for asserting that a tree is restored byte for
 * byte (and mode for mode). Two snapshots are equal when the trees are.
 */
public record TreeSnapshot(Map<String, String> entries) {

    public static TreeSnapshot of(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String mode = PosixFilePermissions.toString(a.permissions());
                String rel = root.relativize(p).toString();
                if (a.isDirectory()) {
                    out.put(rel + "/", "dir " + mode);
                } else if (a.isSymbolicLink()) {
                    out.put(rel, "link " + Files.readSymbolicLink(p));
                } else {
                    out.put(rel, "file " + mode + " " + HexFormat.of().formatHex(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(out);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        entries.forEach((k, v) -> s.append(k).append(" = ").append(v.length() > 60 ? v.substring(0, 60) + "..." : v)
                .append('\n'));
        return s.toString();
    }
}
