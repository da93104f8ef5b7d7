package dev.certsd.files;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepares a change for the privileged path: the new contents, the manifest our helper reads, and the script, in a
 * private directory of the user's. Nothing in the target directories is touched.
 */
final class Preparer {
    static final String MANIFEST = "change.json";
    static final String SCRIPT = "apply.sh";

    private Preparer() {
    }

    static PreparedChange prepare(Text description, Plan plan, Path base) throws IOException {
        Path dir = Files.createTempDirectory(base, "certsd-prepared-",
                PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
        Files.setPosixFilePermissions(dir, FileModes.PRIVATE_DIRECTORY);
        Path blobDir = Files.createDirectory(dir.resolve("blobs"),
                PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
        Blobs blobs = new Blobs(blobDir);
        Map<Path, Owner> owners = owners(plan);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("description", OpCodec.text(description));
        manifest.put("ops", OpCodec.encodeAll(plan.forward(), blobs));
        Map<String, Object> ownerMap = new LinkedHashMap<>();
        owners.forEach((p, o) -> ownerMap.put(p.toString(), Map.of("user", o.user(), "group", o.group())));
        manifest.put("owners", ownerMap);
        byte[] json = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(manifest).getBytes(StandardCharsets.UTF_8);
        AtomicWriter.write(dir.resolve(MANIFEST), json, FileModes.KEY, false, null);
        String script = PrivilegedScript.render(description, plan, owners, dir);
        Path scriptPath = dir.resolve(SCRIPT);
        AtomicWriter.write(scriptPath, script.getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rwx------"), false, null);
        return new PreparedChange(dir, scriptPath, script, HelperCommand.forPreparedDirectory(dir));
    }

    /**
     * A replaced file keeps its owner; a new file or directory gets the owner of the directory it lands in, so a
     * root-owned certs.d stays root-owned.
     */
    private static Map<Path, Owner> owners(Plan plan) throws IOException {
        Map<Path, Owner> out = new LinkedHashMap<>();
        for (FileOp op : plan.forward()) {
            if (op instanceof FileOp.WriteFile w) {
                out.put(w.path(), Owner.of(w.overwrites() && Files.exists(w.path(), LinkOption.NOFOLLOW_LINKS)
                        ? w.path() : nearestExisting(w.path().getParent())));
            } else if (op instanceof FileOp.MakeDirectory m) {
                out.put(m.path(), Owner.of(nearestExisting(m.path().getParent())));
            }
        }
        return out;
    }

    private static Path nearestExisting(Path dir) {
        Path d = dir;
        while (d.getParent() != null && !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
            d = d.getParent();
        }
        return d;
    }

    /** Removes a prepared directory once its change is settled: it holds new private keys. */
    static void discard(Path dir) {
        if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                || !Files.exists(dir.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
            return; // only ever remove what looks like ours
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // in the temp directory, private to the user; the OS clears it at reboot
        }
    }
}
