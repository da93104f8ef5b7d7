import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites signed jars without their signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC) and their manifests without
 * the per-entry digests those signed, in place.
 *
 * <pre>java installer/StripSignatures.java JAR...</pre>
 *
 * Why (docs/performance.md): the JDK verifies a signed jar on the first class it loads from it (Bouncy Castle's
 * 855 KB manifest digested, every class hashed), and neither a CDS archive nor an AOT cache can hold classes of a
 * signed jar. OpenJDK does not require a JCE provider's jar to be signed, and the app only uses Bouncy Castle's
 * provider through its own instance. The manifest keeps its main section (Multi-Release, module name) and loses the
 * per-entry digests, which only the signature made use of: Bouncy Castle's 855 KB manifest is what the JDK reads whole
 * when it first opens the jar (to look for Multi-Release and Class-Path), which every check and test does.
 */
public final class StripSignatures {
    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Path jar = Path.of(a);
            Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigned");
            int dropped = 0;
            try (ZipFile in = new ZipFile(jar.toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (signature(entry.getName())) {
                        dropped++;
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(entry)) {
                        if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                            Manifest manifest = new Manifest(data);
                            int digests = manifest.getEntries().size();
                            manifest.getEntries().values().removeIf(StripSignatures::digestsOnly);
                            dropped += digests - manifest.getEntries().size();
                            manifest.write(out);
                        } else {
                            data.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            if (dropped == 0) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("unsigned " + jar.getFileName() + " (" + dropped + " signature files and digests)");
            }
        }
    }

    /** A manifest section that only lists digests for a signature to sign (nothing else reads them). */
    private static boolean digestsOnly(java.util.jar.Attributes section) {
        return section.keySet().stream().allMatch(k -> k.toString().endsWith("-Digest"));
    }

    private static boolean signature(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }
}
