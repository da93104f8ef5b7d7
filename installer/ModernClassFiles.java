import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the Java 5 class files of jars as Java 8 class files with stack maps, in place; the bytecode itself is
 * unchanged. Needs JDK 24 or later (the java.lang.classfile API); installer/build.sh runs it with the JDK 25 that
 * builds the runtime.
 *
 * <pre>java installer/ModernClassFiles.java JAR...</pre>
 *
 * Why (docs/performance.md): picocli ships class file version 49 so that it runs on Java 5, and neither a CDS archive
 * nor an AOT cache holds a class older than version 50, which the JVM verifies by type inference when it loads it.
 * Every start of the installed command line therefore read, parsed and verified picocli's 171 classes from its jar
 * (about a third of a one-directory check). Version 52 with generated stack maps is verified once, when the AOT cache
 * is trained, and then loaded from the cache. The jar's other entries, its manifest included, are copied as they are.
 */
public final class ModernClassFiles {
    private static final int OLDEST_CACHEABLE = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Path jar = Path.of(a);
            Path tmp = jar.resolveSibling(jar.getFileName() + ".modern");
            int rewritten = 0;
            try (ZipFile in = new ZipFile(jar.toFile());
                 URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                ClassFile files = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                        ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.ofResourceParsing(classes)
                                .orElse(ClassHierarchyResolver.defaultResolver())));
                for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    byte[] data;
                    try (InputStream stream = in.getInputStream(entry)) {
                        data = stream.readAllBytes();
                    }
                    if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                        ClassModel model = files.parse(data);
                        if (model.majorVersion() < OLDEST_CACHEABLE) {
                            data = modern(files, model);
                            rewritten++;
                        }
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
            if (rewritten == 0) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("class files of " + jar.getFileName() + " made version 52 (" + rewritten + ")");
            }
        }
    }

    /** Version 52, and every method's code rebuilt so that its stack maps are generated (a copied body has none). */
    private static byte[] modern(ClassFile files, ClassModel model) {
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.with(ClassFileVersion.of(ClassFile.JAVA_8_VERSION, 0));
            } else {
                builder.with(element);
            }
        };
        byte[] data = files.transformClass(model,
                version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
        List<VerifyError> errors = files.verify(data);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(model.thisClass().asInternalName() + " does not verify as version 52: "
                    + errors.getFirst().getMessage());
        }
        return data;
    }
}
