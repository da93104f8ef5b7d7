package dev.certsd.ui.work;

import java.util.function.Consumer;

/**
 * When each part of the main window catches up with a scan, counted in pulses (frames), so that no one frame does
 * it all (docs/performance.md, "window" and "stalls"). The tree updates first. A root's first fill adds
 * {@link #TREE_STEP_ROWS} host directories before the first pulse and again every {@link #TREE_STEP_PULSES} pulses
 * until {@link #TREE_SCREENFUL} are shown, then all the rest at once: building and styling a first screenful of rows
 * in one pulse held the FX thread for 70-90 ms in a cold JVM, and rows below the screen cost nothing to add. The
 * findings follow at the start of pulse {@link #FINDINGS_PULSE} and the details at {@link #DETAILS_PULSE}: odd
 * pulses, so they land between the tree's steps (pulses 2, 4, 6, 8 and 10), never in the same frame.
 */
public final class FrameSchedule {
    /** Host directories a step of a root's first fill adds. */
    public static final int TREE_STEP_ROWS = 6;
    /** Rows shown step by step; the rest of a root's first fill comes at once. */
    public static final int TREE_SCREENFUL = 30;
    /** Pulses from one step to the next: the pulse after the next, as the next one lays out the step just made. */
    public static final int TREE_STEP_PULSES = 2;
    /** The pulse after a scan at whose start the findings list is rebuilt. */
    public static final int FINDINGS_PULSE = 3;
    /** The pulse after a scan at whose start the details are rebuilt. */
    public static final int DETAILS_PULSE = 5;

    private FrameSchedule() {
    }

    /** Puts the findings' update after a scan off to its pulse. */
    public static Consumer<Runnable> findings() {
        return r -> NextPulses.run(FINDINGS_PULSE, r);
    }

    /** Puts the details' update after a scan off to its pulse. */
    public static Consumer<Runnable> details() {
        return r -> NextPulses.run(DETAILS_PULSE, r);
    }
}
