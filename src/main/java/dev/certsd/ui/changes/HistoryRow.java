package dev.certsd.ui.changes;

import dev.certsd.files.JournalEntry;
import java.util.List;

/**
 * One journal entry as the history window lists it.
 *
 * @param time  when it was recorded, formatted for the user's locale
 * @param label what it did, in a few words
 * @param steps its steps, one line each
 */
public record HistoryRow(long id, String time, String label, JournalEntry.Status status, String statusText,
                         List<String> steps) {
    public HistoryRow {
        steps = List.copyOf(steps);
    }
}
