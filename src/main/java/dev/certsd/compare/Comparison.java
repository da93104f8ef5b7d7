package dev.certsd.compare;

import java.util.List;

/**
 * Two roots (or two host directories) side by side: the answer to "why does it work here and not there".
 *
 * @param left  what the left side is, as the user named it
 * @param right what the right side is
 */
public record Comparison(String left, String right, List<DirComparison> dirs) {
    public Comparison {
        dirs = List.copyOf(dirs);
    }

    public boolean verdictsDiffer() {
        return dirs.stream().anyMatch(DirComparison::verdictsDiffer);
    }

    public boolean same() {
        return dirs.stream().allMatch(DirComparison::same);
    }
}
