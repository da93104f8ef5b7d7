package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Directory entries sort in Go's order (the bytes of the UTF-8 names) on both paths of {@link Names#sortNamed}. */
class NamesOrderTest {
    private static final List<String> NAMES = List.of("B.cert", "a.cert", "a.crt", "a", "ca.crt", "caf\u00e9.crt",
            "\u65e5\u672c.crt", "\uff21.crt", "\u007f.crt", "\u0080.crt", "z.key", "Z.key", "client-10.cert",
            "client-9.cert", "\ufffd.crt");

    private static List<String> sorted(List<String> names) {
        List<Path> paths = new ArrayList<>();
        names.forEach(n -> paths.add(Path.of("/certs.d/reg", n)));
        Collections.shuffle(paths, new Random(7));
        return Names.sortNamed(paths).stream().map(Names.Named::name).toList();
    }

    private static List<String> byBytes(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(Names.GO_ORDER);
        return copy;
    }

    @Test
    void withoutSurrogatesStringOrderIsByteOrder() {
        assertEquals(byBytes(NAMES), sorted(NAMES));
    }

    @Test
    void withSurrogatesTheBytesDecide() {
        // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF21 and U+FFFD in UTF-8, before them in UTF-16
        List<String> names = new ArrayList<>(NAMES);
        names.add("\ud83d\ude00.crt");
        List<String> expected = byBytes(names);
        assertEquals(expected, sorted(names));
        assertEquals("\ud83d\ude00.crt", expected.get(expected.size() - 1));
    }

    @Test
    void largeDirectoriesSortTheSame() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            names.add(NAMES.get(i % NAMES.size()) + i);
        }
        assertEquals(byBytes(names), sorted(names));
        names.add("\ud83d\ude00.crt");
        assertEquals(byBytes(names), sorted(names));
    }

    /** The one-call listing gives the stream's names and paths in the same order, and steps aside where it could misname. */
    @Test
    void theNativeListingIsTheStreamsOrStepsAside(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // (U+FFFD itself is a valid name, but the listing cannot tell it from bytes that are not UTF-8: steps aside)
        List<String> names = new ArrayList<>(NAMES.stream().filter(n -> !n.equals("a") && !n.contains("\ufffd")).toList());
        for (int i = 0; i < 5000; i++) { // past the parallel threshold
            names.add("gen-" + i + (i % 2 == 0 ? ".cert" : ".key"));
        }
        for (String n : names) {
            java.nio.file.Files.writeString(dir.resolve(n), n);
        }
        List<Path> streamed = new ArrayList<>();
        try (var s = java.nio.file.Files.newDirectoryStream(dir)) {
            s.forEach(streamed::add);
        }
        List<Names.Named> fast = Names.listFast(dir);
        if (!"UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            assertEquals(null, fast); // another file-name encoding: always the stream
            return;
        }
        org.junit.jupiter.api.Assertions.assertTrue(Names.sortNamed(streamed).equals(fast), "the stream's entries");
        org.junit.jupiter.api.Assertions.assertTrue(byBytes(names).equals(fast.stream().map(Names.Named::name).toList()),
                "Go's order");
        // a name that is not UTF-8: only the stream keeps its bytes
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf x > \"$(printf 'bad\\377name.crt')\"")
                .directory(dir.toFile()).start();
        assertEquals(0, p.waitFor());
        assertEquals(null, Names.listFast(dir));
        assertEquals(null, Names.listFast(dir.resolve("no-such-directory")));
        Path other = java.nio.file.Files.createDirectory(dir.resolve("other"));
        java.nio.file.Files.writeString(other.resolve("\ufffd.crt"), "a real U+FFFD in a valid UTF-8 name");
        assertEquals(null, Names.listFast(other));
    }
}
