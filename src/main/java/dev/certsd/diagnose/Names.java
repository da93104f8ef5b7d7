package dev.certsd.diagnose;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** File-name order and lookups as Go sees them (os.ReadDir sorts names by their bytes). */
final class Names {
    /** Byte order of the UTF-8 names: {@code B.cert} before {@code a.cert}. */
    static final Comparator<String> GO_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** Entries from which a directory's names are decoded and sorted on every core. */
    private static final int PARALLEL = 4096;

    private Names() {
    }

    /** A directory entry with its name, decoded once. */
    record Named(String name, Path path) {
    }

    /** Paths in {@link #GO_ORDER} of their last elements, each name encoded once (not once per comparison). */
    static List<Path> sortByName(List<Path> paths) {
        return sortNamed(paths).stream().map(Named::path).toList();
    }

    /**
     * As {@link #sortByName}, with each entry's name. Without surrogates in any name, UTF-16 order (String's own,
     * no copy) is the byte order of the UTF-8 names; otherwise each name is encoded once and the bytes compared.
     */
    static List<Named> sortNamed(List<Path> paths) {
        boolean large = paths.size() >= PARALLEL;
        Named[] named = (large ? paths.parallelStream() : paths.stream())
                .map(p -> new Named(p.getFileName().toString(), p)).toArray(Named[]::new);
        return sorted(named, large);
    }

    private static List<Named> sorted(Named[] named, boolean large) {
        boolean surrogates = false;
        for (Named n : named) {
            surrogates |= hasSurrogate(n.name());
        }
        if (surrogates) {
            return sortedByBytes(named, large);
        }
        // not Comparator.comparing: its serializable lambda is made at run time (no class archive holds it), 10 ms
        Comparator<Named> order = (a, b) -> a.name().compareTo(b.name());
        if (large) {
            Arrays.parallelSort(named, order);
        } else {
            Arrays.sort(named, order);
        }
        return Arrays.asList(named);
    }

    /**
     * The directory's entries, sorted, from one native listing ({@link java.io.File#list}: all names in one call, where
     * a directory stream makes a path object per entry on the way; about a tenth of a 100,000-file directory's serial
     * time), or null where that listing could misname an entry: another file system than the local one (SFTP), an
     * encoding of file names other than UTF-8 (under the C locale the JDK shows other bytes as '?'), a name with
     * bytes that are not UTF-8 (shown as U+FFFD: such a name is opened by its bytes, which only the stream keeps), or
     * an error (the stream says which). The caller then lists with a directory stream.
     */
    static List<Named> listFast(Path dir) {
        if (dir.getFileSystem() != java.nio.file.FileSystems.getDefault()
                || !"UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            return null;
        }
        String[] names = dir.toFile().list();
        if (names == null) {
            return null;
        }
        for (String n : names) {
            if (n.indexOf('\uFFFD') >= 0) {
                return null;
            }
        }
        boolean large = names.length >= PARALLEL;
        boolean surrogates = false;
        for (String n : names) {
            surrogates |= hasSurrogate(n);
        }
        if (!surrogates) { // String order is the UTF-8 bytes' order: the names sorted as they are, then paths made
            sortStrings(names, large);
        }
        Named[] named = (large ? Arrays.stream(names).parallel() : Arrays.stream(names))
                .map(n -> new Named(n, dir.resolve(n))).toArray(Named[]::new);
        return surrogates ? sortedByBytes(named, large) : Arrays.asList(named);
    }

    /**
     * Strings in their natural order; a large array as two halves at once, then merged. (Arrays.parallelSort sorts
     * on one thread where the common pool has one worker, as on two cores; a comparator over records took a
     * 100,000-file directory a quarter of a second.)
     */
    static void sortStrings(String[] a, boolean large) {
        if (!large) {
            Arrays.sort(a);
            return;
        }
        int mid = a.length / 2;
        java.util.concurrent.ForkJoinTask<?> left = java.util.concurrent.ForkJoinTask.adapt(() -> Arrays.sort(a, 0, mid))
                .fork();
        Arrays.sort(a, mid, a.length);
        left.join();
        String[] lo = Arrays.copyOfRange(a, 0, mid);
        int i = 0;
        int j = mid;
        int k = 0;
        while (i < lo.length && j < a.length) {
            a[k++] = lo[i].compareTo(a[j]) <= 0 ? lo[i++] : a[j++];
        }
        while (i < lo.length) {
            a[k++] = lo[i++];
        }
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<Named> sortedByBytes(Named[] named, boolean large) {
        record Keyed(byte[] key, Named named) {
        }
        Keyed[] keyed = new Keyed[named.length];
        for (int i = 0; i < named.length; i++) {
            keyed[i] = new Keyed(named[i].name().getBytes(StandardCharsets.UTF_8), named[i]);
        }
        Comparator<Keyed> order = (a, b) -> Arrays.compareUnsigned(a.key(), b.key());
        if (large) {
            Arrays.parallelSort(keyed, order);
        } else {
            Arrays.sort(keyed, order);
        }
        List<Named> sorted = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            sorted.add(k.named());
        }
        return sorted;
    }

    /** The entries by name, in their order; sized for all of them, or a large directory's map rehashes a dozen times. */
    static Map<String, FileEntry> index(List<FileEntry> entries) {
        Map<String, FileEntry> map = new LinkedHashMap<>(entries.size() * 4 / 3 + 1);
        entries.forEach(e -> map.put(e.name(), e));
        return map;
    }
}
