package dev.certsd.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.files.JournalEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine.Command;

/** {@code history}: the changes in the undo journal, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true)
final class HistoryCommand extends JournalCommand {
    @Override
    public Integer call() throws IOException {
        List<JournalEntry> entries = journal.runner().history();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Object> list = entries.stream().map(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("time", e.time().toString());
                m.put("status", e.status().name().toLowerCase(Locale.ROOT));
                m.put("description", e.description().render(Locale.ENGLISH));
                m.put("steps", StepLines.json(e.forward()));
                return (Object) m;
            }).toList();
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(Map.of("entries", list)));
            return 0;
        }
        ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", Locale.getDefault());
        if (entries.isEmpty()) {
            out.println(text.getString("history.empty"));
        }
        for (JournalEntry e : entries) {
            out.println(UndoRedo.fmt(text, Locale.getDefault(), "history.entry", e.id(),
                    e.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    text.getString("history.status." + e.status().name()),
                    TerminalText.text(e.description().render(Locale.getDefault()))));
        }
        return 0;
    }
}
