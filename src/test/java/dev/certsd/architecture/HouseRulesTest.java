package dev.certsd.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The house rules of docs/architecture.md, read from the sources with javac's own parser: no file over 300 lines
 * unless its first lines say why ({@code // over 300 lines: <reason>}), no method over 60 lines.
 */
class HouseRulesTest {
    static final int MAX_FILE_LINES = 300;
    static final int MAX_METHOD_LINES = 60;
    static final String REASON = "// over 300 lines:";

    @ParameterizedTest
    @ValueSource(strings = {"src/main/java", "src/test/java"})
    void filesAndMethodsStaySmall(String tree) throws IOException {
        assertEquals(List.of(), offences(Path.of(tree)), "house rules (split, or give a file a first-line reason)");
    }

    static List<String> offences(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var fileManager = javac.getStandardFileManager(null, null, null);
        var task = (JavacTask) javac.getTask(null, fileManager, d -> { }, List.of("-proc:none"), null,
                fileManager.getJavaFileObjectsFromPaths(files));
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<String> offences = new ArrayList<>();
        for (CompilationUnitTree unit : task.parse()) {
            String name = root.toAbsolutePath().relativize(Path.of(unit.getSourceFile().toUri())).toString();
            String text = unit.getSourceFile().getCharContent(true).toString();
            long lines = text.lines().count();
            if (lines > MAX_FILE_LINES && text.lines().limit(3).noneMatch(l -> l.startsWith(REASON))) {
                offences.add(name + ": " + lines + " lines");
            }
            offences.addAll(longMethods(unit, positions, name));
        }
        return offences;
    }

    private static List<String> longMethods(CompilationUnitTree unit, SourcePositions positions, String name) {
        LineMap map = unit.getLineMap();
        List<String> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                if (method.getBody() != null) {
                    long first = map.getLineNumber(positions.getStartPosition(unit, method));
                    long last = map.getLineNumber(positions.getEndPosition(unit, method));
                    if (last - first + 1 > MAX_METHOD_LINES) {
                        found.add(name + ":" + first + " " + method.getName() + " is " + (last - first + 1) + " lines");
                    }
                }
                return super.visitMethod(method, unused);
            }
        }.scan(unit, null);
        return found;
    }
}
