package dev.certsd.files;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.KnownRoots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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

    static PreparedChange prepare(Message description, Plan plan, Path base) throws IOException {
        Path dir = Files.createTempDirectory(base, "certsd-prepared-",
                PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
        Files.setPosixFilePermissions(dir, FileModes.PRIVATE_DIRECTORY);
        Path blobDir = Files.createDirectory(dir.resolve("blobs"),
                PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
        Blobs blobs = new Blobs(blobDir);
        // No owners and no roots in the manifest: the helper decides them itself (PreparedApply).
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("description", OpCodec.text(description));
        manifest.put("ops", OpCodec.encodeAll(plan.forward(), blobs));
        byte[] json = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(manifest).getBytes(StandardCharsets.UTF_8);
        AtomicWriter.write(dir.resolve(MANIFEST), json, FileModes.KEY, false, null);
        List<Path> roots = new ArrayList<>();
        List<Path> homeRoots = new ArrayList<>();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        for (CertsRoot r : KnownRoots.ofThisMachine().candidates()) {
            Path p = r.path().toAbsolutePath().normalize();
            if (!roots.contains(p)) {
                roots.add(p);
                if (p.startsWith(home) && !home.equals(home.getRoot())) {
                    homeRoots.add(p);
                }
            }
        }
        String script = PrivilegedScript.render(description, plan, roots, homeRoots, dir);
        Path scriptPath = dir.resolve(SCRIPT);
        AtomicWriter.write(scriptPath, script.getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rwx------"), false, null);
        return new PreparedChange(dir, scriptPath, script, HelperCommand.forPreparedDirectory(dir));
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
