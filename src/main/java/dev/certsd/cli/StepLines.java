package dev.certsd.cli;

import dev.certsd.files.FileModes;
import dev.certsd.files.FileOp;
import dev.certsd.files.PreparedChange;
import dev.certsd.files.StepText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** Steps of a change, for people (one line each) and for JSON (every detail a script may check). */
final class StepLines {
    private StepLines() {
    }

    static void print(PrintWriter out, List<FileOp> steps, Locale locale, String indent) {
        for (FileOp op : steps) {
            out.println(indent + "- " + TerminalText.text(StepText.of(op).render(locale)));
        }
    }

    /** How to carry out a prepared change: the script as root, or the helper through the privilege prompt. */
    static void printPrivileged(PrintWriter out, PreparedChange p, ResourceBundle text, String indent) {
        out.println(indent + text.getString("privileged.intro"));
        out.println(indent + "    sudo sh " + shellWord(p.script().toString()));
        out.println(indent + text.getString("privileged.or"));
        out.println(indent + "    " + String.join(" ", p.pkexecCommand().stream().map(StepLines::shellWord).toList()));
    }

    static List<Object> json(List<FileOp> steps) {
        return steps.stream().map(StepLines::json).map(m -> (Object) m).toList();
    }

    private static Map<String, Object> json(FileOp op) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (op instanceof FileOp.WriteFile w) {
            m.put("op", w.overwrites() ? "overwrite" : "create");
            m.put("path", w.path().toString());
            m.put("mode", FileModes.octal(w.mode()));
            m.put("bytes", w.content().length);
            m.put("sha256", dev.certsd.files.Sha256.hex(w.content()));
            m.put("replacesSha256", w.before().sha256());
        } else if (op instanceof FileOp.Rename r) {
            m.put("op", "rename");
            m.put("path", r.from().toString());
            m.put("to", r.to().toString());
        } else if (op instanceof FileOp.Delete d) {
            m.put("op", "delete");
            m.put("path", d.path().toString());
            m.put("sha256", d.before().sha256());
        } else if (op instanceof FileOp.MakeDirectory md) {
            m.put("op", "mkdir");
            m.put("path", md.path().toString());
            m.put("mode", FileModes.octal(md.mode()));
        } else if (op instanceof FileOp.ChangeMode c) {
            m.put("op", "chmod");
            m.put("path", c.path().toString());
            m.put("mode", FileModes.octal(c.mode()));
        }
        m.put("text", StepText.of(op).render(Locale.ENGLISH));
        return m;
    }

    private static String shellWord(String s) {
        if (TerminalText.needsQuoting(s)) {
            return TerminalText.name(s); // $'...': a shell word that shows its control characters
        }
        return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
