import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites signed jars without their signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC), in place.
 *
 * <pre>java installer/StripSignatures.java JAR...</pre>
 *
 * Why (docs/performance.md): the JDK verifies a signed jar on the first class it loads from it (Bouncy Castle's
 * 855 KB manifest digested, every class hashed), and neither a CDS archive nor an AOT cache can hold classes of a
 * signed jar. OpenJDK does not require a JCE provider's jar to be signed, and the app only uses Bouncy Castle's
 * provider through its own instance. The manifest (and its Multi-Release and module entries) is kept.
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
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            if (dropped == 0) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("unsigned " + jar.getFileName() + " (" + dropped + " signature files)");
            }
        }
    }

    private static boolean signature(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }
}
