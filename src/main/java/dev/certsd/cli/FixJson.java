package dev.certsd.cli;

import dev.certsd.change.FixResult;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.files.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code fix --json} document: per finding, the fix, its exact steps and the outcome. Messages in English. */
final class FixJson {
    private FixJson() {
    }

    static String render(RootReport report, boolean dryRun, List<FixResult> results) {
        Messages messages = new Messages(Locale.ENGLISH);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("root", report.root().path().toString());
        doc.put("client", report.root().client().id());
        doc.put("dryRun", dryRun);
        List<Object> list = new ArrayList<>();
        for (FixResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", r.host());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("code", r.finding().code().name());
            f.put("severity", r.finding().severity().id());
            f.put("file", r.finding().file());
            f.put("args", r.finding().args());
            f.put("message", messages.render(r.finding(), r.host()));
            m.put("finding", f);
            m.put("fix", r.fix() == null ? null : r.fix().kind().id());
            m.put("description", r.fix() == null ? null : r.fix().description().render(Locale.ENGLISH));
            m.put("outcome", r.outcome().id());
            m.put("steps", r.changes() == null ? List.of() : StepLines.json(r.changes().ops()));
            m.put("links", r.links().stream().map(l -> l.render(Locale.ENGLISH)).toList());
            m.put("problems", r.problems().stream().map(p -> p.message(Locale.ENGLISH)).toList());
            m.put("problemCodes", r.problems().stream().map(Problem::code).map(Enum::name).toList());
            m.put("error", r.error() == null ? null : r.error().render(Locale.getDefault()));
            m.put("journalEntry", r.entry() == null ? null : r.entry().id());
            m.put("script", r.prepared() == null ? null : r.prepared().script().toString());
            m.put("helper", r.prepared() == null ? null : r.prepared().pkexecCommand());
            list.add(m);
        }
        doc.put("results", list);
        doc.put("fixed", results.stream().filter(r -> r.outcome().success()).count());
        doc.put("notFixed", results.stream().filter(r -> !r.outcome().success()).count());
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
