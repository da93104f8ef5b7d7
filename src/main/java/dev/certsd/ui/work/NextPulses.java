package dev.certsd.ui.work;

import javafx.animation.AnimationTimer;

/**
 * Puts work off by whole pulses rather than events: what runs at the start of a pulse is laid out and painted in
 * that pulse, so two pieces of work put off by different numbers of pulses never share one frame. The main window
 * uses it to let a large scan show up in steps (the tree first, then the findings and details) instead of one
 * long frame.
 */
public final class NextPulses {
    private NextPulses() {
    }

    /** Runs {@code work} on the FX thread at the start of the {@code pulses}-th pulse from now (1: the next one). */
    public static void run(int pulses, Runnable work) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen < pulses) {
                    return;
                }
                stop();
                work.run();
            }
        }.start();
    }
}
