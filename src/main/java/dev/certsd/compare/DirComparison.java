package dev.certsd.compare;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Verdict;
import java.util.List;

/**
 * One host directory on both sides: every file name in load order with how it differs, and the client's verdict
 * on each side.
 *
 * @param left  null when the directory is only on the right
 * @param right null when the directory is only on the left
 */
public record DirComparison(String name, HostReport left, HostReport right, List<FileDifference> files) {
    public DirComparison {
        files = List.copyOf(files);
    }

    public Verdict leftVerdict() {
        return left != null ? left.verdict() : null;
    }

    public Verdict rightVerdict() {
        return right != null ? right.verdict() : null;
    }

    /** The two sides reach different verdicts (a directory missing on one side counts as different). */
    public boolean verdictsDiffer() {
        if (left == null || right == null) {
            return true;
        }
        Verdict l = left.verdict();
        Verdict r = right.verdict();
        return l.level() != r.level() || !java.util.Objects.equals(placeless(l.clientError(), left),
                placeless(r.clientError(), right)) || l.ignoredBy() != r.ignoredBy();
    }

    /** The client's text with the directory's own path taken out: the same error in two places is the same. */
    private static String placeless(String error, HostReport h) {
        return error == null ? null : error.replace(h.path().toString(), "<dir>");
    }

    /** Nothing differs: the same files with the same bytes and modes, the same verdict. */
    public boolean same() {
        return !verdictsDiffer() && files.stream().allMatch(f -> f.change() == FileDifference.Change.SAME);
    }

    public List<FileDifference> differences() {
        return files.stream().filter(f -> f.change() != FileDifference.Change.SAME).toList();
    }
}
