package dev.certsd.ui.work;

import java.util.function.Consumer;

/**
 * When each part of the main window catches up with a scan, counted in pulses (frames), so that no one frame does
 * it all (docs/performance.md, "window" and "stalls"). The tree updates first, at once: its rows are laid out in the
 * next pulse (only a screenful of them: rows below the screen cost nothing to add). The findings follow at the start
 * of pulse {@link #FINDINGS_PULSE} and the details at {@link #DETAILS_PULSE}, each in a frame of its own.
 * <p>
 * A root's first fill used to come in steps (6 rows every second pulse up to a screenful, 2026-12-02), when a
 * screenful of new rows held a cold JVM's FX thread for 70-90 ms. Measured again on the installed app (2026-12-04),
 * the steps cost more than they spared: at once, the full tree came 1.81 -> 1.38 s after the launch and the longest
 * pulse gap 75 -> 67 ms (medians of 8 launches each, turn about).
 */
public final class FrameSchedule {
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
