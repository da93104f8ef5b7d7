package dev.certsd.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.ExternalTools;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * installer/StripSignatures.java (run by the build on Bouncy Castle's jars): a signed jar loses its signature files
 * and the manifest sections that only list digests; its main section, other sections and classes stay.
 */
class StripSignaturesTest {
    @TempDir
    Path tmp;

    @Test
    void aSignedJarLosesItsSignatureAndTheDigestsItSigned() throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Multi-Release", "true");
        m.getEntries().computeIfAbsent("a/B.class", k -> new Attributes()).putValue("SHA-256-Digest", "AAAA");
        Attributes sealed = m.getEntries().computeIfAbsent("c/", k -> new Attributes());
        sealed.putValue("SHA-256-Digest", "BBBB");
        sealed.putValue("Sealed", "true");
        Path jar = jar("signed.jar", m, "META-INF/SIGNER.SF", "META-INF/SIGNER.RSA", "a/B.class", "c/D.class");

        assertEquals(0, strip(jar).exitCode());

        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = new ArrayList<>(j.stream().map(ZipEntry::getName).toList());
            assertEquals(List.of("META-INF/MANIFEST.MF", "a/B.class", "c/D.class"), names);
            Manifest after = j.getManifest();
            assertEquals("true", after.getMainAttributes().getValue("Multi-Release"));
            assertNull(after.getAttributes("a/B.class"), "a section of digests only");
            assertEquals("true", after.getAttributes("c/").getValue("Sealed"), "a section with more than digests");
            assertEquals("class a/B.class", new String(j.getInputStream(j.getEntry("a/B.class")).readAllBytes(),
                    StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aJarWithNothingToStripIsLeftAsItIs() throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path jar = jar("plain.jar", m, "a/B.class");
        byte[] before = Files.readAllBytes(jar);

        ExternalTools.Result r = strip(jar);

        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(jar)));
        assertFalse(r.stdout().contains("unsigned"), r.stdout());
    }

    private ExternalTools.Result strip(Path jar) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return ExternalTools.run(List.of(java.toString(), "installer/StripSignatures.java", jar.toString()),
                Path.of("").toAbsolutePath());
    }

    private Path jar(String name, Manifest manifest, String... entries) throws Exception {
        Path jar = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            manifest.write(out);
            out.closeEntry();
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                write(out, e.endsWith(".class") ? "class " + e : "signature");
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws java.io.IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
