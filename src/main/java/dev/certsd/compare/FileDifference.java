package dev.certsd.compare;

/**
 * One file name of a host directory seen on both sides.
 *
 * @param left  null when the file is only on the right
 * @param right null when the file is only on the left
 */
public record FileDifference(String name, Change change, FileFacts left, FileFacts right) {
    /** How the two sides differ, the most telling difference first. */
    public enum Change {
        ONLY_LEFT, ONLY_RIGHT, CONTENT, MODE, SAME;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static FileDifference of(FileFacts l, FileFacts r) {
        String name = l != null ? l.name() : r.name();
        if (r == null) {
            return new FileDifference(name, Change.ONLY_LEFT, l, null);
        }
        if (l == null) {
            return new FileDifference(name, Change.ONLY_RIGHT, null, r);
        }
        if (!l.sameContent(r)) {
            return new FileDifference(name, Change.CONTENT, l, r);
        }
        if (!java.util.Objects.equals(l.mode(), r.mode())) {
            return new FileDifference(name, Change.MODE, l, r);
        }
        return new FileDifference(name, Change.SAME, l, r);
    }
}
