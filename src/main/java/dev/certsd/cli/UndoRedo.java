package dev.certsd.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.change.ChangeReport;
import dev.certsd.files.JournalEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** Renders what {@code undo} and {@code redo} did; both are the journal applying steps in one direction. */
final class UndoRedo {
    private UndoRedo() {
    }

    /** Prints the outcome; returns the exit code (0 done, 1 not done). */
    static int report(ChangeReport report, boolean json, PrintWriter out) throws IOException {
        Locale locale = Locale.getDefault();
        ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
        String action = report.action().name().toLowerCase(Locale.ROOT);
        JournalEntry entry = report.entry();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", action);
            m.put("outcome", report.kind().id());
            m.put("entry", report.entryId());
            m.put("description", entry == null ? null : entry.description().render(Locale.ENGLISH));
            m.put("steps", StepLines.json(report.steps()));
            m.put("problems", report.allProblems().stream().map(p -> p.message(Locale.ENGLISH)).toList());
            m.put("problemCodes", report.allProblems().stream().map(p -> p.code().name()).toList());
            if (report.kind() == ChangeReport.Kind.NEEDS_PRIVILEGE) {
                m.put("script", report.prepared().script().toString());
                m.put("helper", report.prepared().pkexecCommand());
            }
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(m));
            return report.exitCode();
        }
        switch (report.kind()) {
            case DONE, NEEDS_PRIVILEGE -> {
                String key = report.done() ? ".done" : ".privileged";
                out.println(fmt(text, locale, action + key, entry.id(),
                        TerminalText.text(entry.description().render(locale))));
                StepLines.print(out, report.steps(), locale, "  ");
                if (!report.done()) {
                    StepLines.printPrivileged(out, report.prepared(), text, "");
                }
            }
            case REFUSED, FAILED -> report.allProblems().forEach(p -> out.println(fmt(text, locale, action + ".not",
                    TerminalText.text(p.message(locale)))));
        }
        return report.exitCode();
    }

    static String fmt(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
