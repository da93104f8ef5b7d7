package dev.certsd.app;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Under a plain {@code java -jar} (the README's way to run the tool), asks the running JVM to leave every method to
 * its C1 compiler, as the launchers' {@code -XX:TieredStopAtLevel=1} does: a compiler directive that excludes C2
 * ({@code lib/c1-only.json} next to the jar, added through the JVM's own {@code Compiler.directives_add} command, the
 * one {@code jcmd} sends). A check is over in a second or two; on a 2-core machine C2 spends that time compiling code
 * it never gets to run, on the core the scan needs (docs/performance.md has the figures).
 *
 * <p>Nothing is written. When the JVM was started with its own compiler choice, when the file is missing (the
 * installed app's runtime has the flag instead), or when this JDK lacks the internals used here, the JVM runs as
 * started. {@code -Dcertsd.c2=on} leaves C2 on.
 */
final class QuickCompiler {
    static final String DIRECTIVES = "c1-only.json";
    private static final List<String> OWN_CHOICE = List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation", "-Xint",
            "-XX:CompilerDirectivesFile", "-XX:CompileCommand", "-XX:CompileThreshold");

    private QuickCompiler() {
    }

    /** Adds the directive when it applies; true when the JVM now compiles with C1 only. Never throws. */
    static boolean request() {
        if ("on".equals(System.getProperty("certsd.c2"))) {
            return false;
        }
        try {
            Path file = directives();
            if (file == null || !Files.isRegularFile(file)) {
                return false;
            }
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl"); // loads the command's library
            Class<?> vmClass = Class.forName("sun.management.VMManagement");
            Object vm = Class.forName("sun.management.ManagementFactoryHelper").getMethod("getVMManagement").invoke(null);
            for (Object arg : (List<?>) vmClass.getMethod("getVmArguments").invoke(vm)) {
                if (OWN_CHOICE.stream().anyMatch(String.valueOf(arg)::startsWith)) {
                    return false;
                }
            }
            Class<?> commands = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            Constructor<?> make = commands.getDeclaredConstructor(vmClass);
            make.setAccessible(true);
            Method execute = commands.getDeclaredMethod("executeDiagnosticCommand", String.class);
            execute.setAccessible(true);
            Object said = execute.invoke(make.newInstance(vm), "Compiler.directives_add " + file);
            return String.valueOf(said).contains("1 compiler directives added");
        } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException | LinkageError e) {
            return false; // another JDK's internals, or not exported to this jar: run as started
        }
    }

    /** {@code lib/c1-only.json} beside the jar this class was loaded from; null when not run from a jar. */
    private static Path directives() throws java.net.URISyntaxException {
        java.security.CodeSource source = QuickCompiler.class.getProtectionDomain().getCodeSource();
        if (source == null || !source.getLocation().getPath().endsWith(".jar")) {
            return null;
        }
        Path jar = Path.of(source.getLocation().toURI());
        return jar.resolveSibling("lib").resolve(DIRECTIVES);
    }
}
