package dev.certsd.compare;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Puts two scans side by side; each side was scanned by the same engine, locally or over SSH. */
public final class Comparer {
    private Comparer() {
    }

    /** Two roots: host directories matched by name, in load order. */
    public static Comparison roots(String leftLabel, RootReport left, String rightLabel, RootReport right) {
        Map<String, HostReport> l = byName(left);
        Map<String, HostReport> r = byName(right);
        TreeSet<String> names = new TreeSet<>(RootScanner.loadOrder());
        names.addAll(l.keySet());
        names.addAll(r.keySet());
        List<DirComparison> dirs = new ArrayList<>();
        for (String name : names) {
            dirs.add(dirs(name, l.get(name), r.get(name)));
        }
        return new Comparison(leftLabel, rightLabel, dirs);
    }

    /** Two host directories, whatever their names (before and after, or reg:5000 on two machines). */
    public static Comparison hostDirs(String leftLabel, HostReport left, String rightLabel, HostReport right) {
        String name = left.path().getFileName().toString();
        String other = right.path().getFileName().toString();
        return new Comparison(leftLabel, rightLabel,
                List.of(dirs(name.equals(other) ? name : name + " / " + other, left, right)));
    }

    private static DirComparison dirs(String name, HostReport left, HostReport right) {
        Map<String, FileFacts> l = facts(left);
        Map<String, FileFacts> r = facts(right);
        TreeSet<String> names = new TreeSet<>(RootScanner.loadOrder());
        names.addAll(l.keySet());
        names.addAll(r.keySet());
        List<FileDifference> files = new ArrayList<>();
        for (String n : names) {
            files.add(FileDifference.of(l.get(n), r.get(n)));
        }
        return new DirComparison(name, left, right, files);
    }

    private static Map<String, HostReport> byName(RootReport report) {
        Map<String, HostReport> m = new LinkedHashMap<>();
        for (HostReport h : report.hosts()) {
            m.put(h.path().getFileName().toString(), h);
        }
        return m;
    }

    private static Map<String, FileFacts> facts(HostReport h) {
        Map<String, FileFacts> m = new LinkedHashMap<>();
        if (h != null) {
            for (FileReport f : h.files()) {
                m.put(f.name(), FileFacts.of(f));
            }
        }
        return m;
    }
}
