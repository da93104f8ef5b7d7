package dev.certsd.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.compare.Comparison;
import dev.certsd.compare.DirComparison;
import dev.certsd.compare.FileDifference;
import dev.certsd.compare.FileFacts;
import dev.certsd.diagnose.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code compare --json} document. */
final class CompareJson {
    private CompareJson() {
    }

    static void write(Comparison c, PrintWriter out) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("left", c.left());
        doc.put("right", c.right());
        doc.put("verdictsDiffer", c.verdictsDiffer());
        doc.put("same", c.same());
        List<Object> dirs = new ArrayList<>();
        for (DirComparison d : c.dirs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dir", d.name());
            m.put("verdictsDiffer", d.verdictsDiffer());
            m.put("left", verdict(d.leftVerdict()));
            m.put("right", verdict(d.rightVerdict()));
            List<Object> files = new ArrayList<>();
            for (FileDifference f : d.files()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("name", f.name());
                fm.put("change", f.change().id());
                fm.put("left", facts(f.left()));
                fm.put("right", facts(f.right()));
                files.add(fm);
            }
            m.put("files", files);
            dirs.add(m);
        }
        doc.put("dirs", dirs);
        try {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                    .asString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> verdict(Verdict v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", v.level().id());
        m.put("clientError", v.clientError());
        m.put("ignoredBy", v.ignoredBy() == null ? null : v.ignoredBy().name());
        m.put("errors", v.errors());
        m.put("warnings", v.warnings());
        return m;
    }

    private static Map<String, Object> facts(FileFacts f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("sha256", f.sha256());
        m.put("mode", f.mode());
        m.put("subject", f.subject());
        m.put("notBefore", f.notBefore() == null ? null : f.notBefore().toString());
        m.put("notAfter", f.notAfter() == null ? null : f.notAfter().toString());
        return m;
    }
}
