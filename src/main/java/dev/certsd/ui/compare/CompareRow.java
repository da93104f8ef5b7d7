package dev.certsd.ui.compare;

/** One line of the comparison table: a host directory's verdicts, or one of its files that differ. */
record CompareRow(String dir, String file, String change, String left, String right, boolean verdictRow) {
}
