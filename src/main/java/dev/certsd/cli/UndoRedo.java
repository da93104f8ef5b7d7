package dev.certsd.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.files.FileOp;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.Outcome;
import dev.certsd.files.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** Renders what {@code undo} and {@code redo} did; both are the journal applying steps in one direction. */
final class UndoRedo {
    private UndoRedo() {
    }

    /** Prints the outcome; returns the exit code (0 done, 1 not done). */
    static int report(Outcome outcome, boolean undo, boolean json, PrintWriter out) throws IOException {
        Locale locale = Locale.getDefault();
        ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
        String action = undo ? "undo" : "redo";
        List<Problem> problems = new ArrayList<>();
        if (outcome instanceof Outcome.Refused r) {
            problems.addAll(r.problems());
        } else if (outcome instanceof Outcome.Failed f) {
            problems.add(f.problem());
            problems.addAll(f.rollbackProblems());
        }
        JournalEntry entry = outcome instanceof Outcome.Done d ? d.entry()
                : outcome instanceof Outcome.NeedsPrivilege np ? np.entry() : null;
        List<FileOp> steps = entry == null ? List.of() : undo ? entry.inverse() : entry.forward();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", action);
            m.put("outcome", outcome instanceof Outcome.Done ? "done" : outcome instanceof Outcome.Refused ? "refused"
                    : outcome instanceof Outcome.NeedsPrivilege ? "needs-privilege" : "failed");
            m.put("entry", entry == null ? null : entry.id());
            m.put("description", entry == null ? null : entry.description().render(Locale.ENGLISH));
            m.put("steps", StepLines.json(steps));
            m.put("problems", problems.stream().map(p -> p.message(Locale.ENGLISH)).toList());
            m.put("problemCodes", problems.stream().map(p -> p.code().name()).toList());
            if (outcome instanceof Outcome.NeedsPrivilege np) {
                m.put("script", np.prepared().script().toString());
                m.put("helper", np.prepared().pkexecCommand());
            }
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(m));
        } else if (outcome instanceof Outcome.Done) {
            out.println(fmt(text, locale, action + ".done", entry.id(), TerminalText.text(entry.description().render(locale))));
            StepLines.print(out, steps, locale, "  ");
        } else if (outcome instanceof Outcome.NeedsPrivilege np) {
            out.println(fmt(text, locale, action + ".privileged", entry.id(),
                    TerminalText.text(entry.description().render(locale))));
            StepLines.print(out, steps, locale, "  ");
            StepLines.printPrivileged(out, np.prepared(), text, "");
        } else {
            for (Problem p : problems) {
                out.println(fmt(text, locale, action + ".not", TerminalText.text(p.message(locale))));
            }
        }
        return outcome instanceof Outcome.Done ? 0 : 1;
    }

    static String fmt(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
