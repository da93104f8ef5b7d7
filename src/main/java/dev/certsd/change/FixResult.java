package dev.certsd.change;

import dev.certsd.diagnose.Finding;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.PreparedChange;
import dev.certsd.files.Problem;
import dev.certsd.fix.Fix;
import dev.certsd.files.Message;
import java.util.List;

/**
 * What the fix loop did about one finding (planned in a dry run, applied, refused...), for {@code fix} and its JSON.
 *
 * @param fix       the fix chosen, or null when there is none
 * @param changes   its change set, or null when it could not be planned
 * @param problems  why it was refused or failed
 * @param entry     the journal entry (applied, or prepared for the privileged path)
 * @param prepared  the prepared change when administrator rights are needed
 * @param error     why the fix could not be planned (wrong passphrase...), or null
 * @param links     the directories the change reaches through a symbolic link ("link → target")
 */
public record FixResult(String host, Finding finding, Outcome outcome, Fix fix, ChangeSet changes, List<Problem> problems,
                 JournalEntry entry, PreparedChange prepared, Message error, List<Message> links) {

    public FixResult(String host, Finding finding, Outcome outcome, Fix fix, ChangeSet changes, List<Problem> problems,
              JournalEntry entry, PreparedChange prepared, Message error) {
        this(host, finding, outcome, fix, changes, problems, entry, prepared, error, List.of());
    }

    /** The outcome for one finding; the id is what the JSON says. */
    public enum Outcome {
        PLANNED("planned", true), APPLIED("applied", true), REFUSED("refused", false),
        NEEDS_PRIVILEGE("needs-privilege", false), FAILED("failed", false), NO_FIX("no-fix", false),
        NEEDS_PASSPHRASE("needs-passphrase", false), NOT_PLANNED("not-planned", false);

        private final String id;
        private final boolean success;

        Outcome(String id, boolean success) {
            this.id = id;
            this.success = success;
        }

        public String id() {
            return id;
        }

        /** Whether it counts as fixed (applied, or planned in a dry run). */
        public boolean success() {
            return success;
        }
    }

    public FixResult {
        problems = List.copyOf(problems);
        links = List.copyOf(links);
    }

    public static FixResult of(String host, Finding finding, Outcome outcome, Fix fix) {
        return new FixResult(host, finding, outcome, fix, null, List.of(), null, null, null);
    }
}
